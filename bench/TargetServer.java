import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probe target of the load harness, and a load generator to show that the target alone keeps
 * up. Run with the JDK's source launcher, no build needed (JDK 21 or newer):
 *
 * <pre>
 *   java bench/TargetServer.java serve PORT
 *       answers every request on 127.0.0.1:PORT with 200 "ok\n"; GET /__served answers how many
 *       requests it has served, a count of probe runs that does not rely on Vigil's own metrics
 *   java bench/TargetServer.java load PORT RATE SECONDS [SERVER_PID]
 *       opens RATE fresh connections a second (one GET each, Connection: close, as Vigil's http
 *       probe does) for SECONDS, then prints one JSON line: achieved rate, errors, latency
 *       p50/p99/max, and the server's CPU seconds per 1,000 requests when SERVER_PID is given
 * </pre>
 *
 * The server is one NIO selector thread that accepts, reads the request head, writes a fixed
 * response and closes: a request costs little more than its TCP handshake (about 0.1 CPU second per
 * 1,000 requests, 0.2 of a core at 2,000/s), so the target stays far from being the bottleneck. It
 * sets no timeouts: a connection that never sends a request stays open, which keeps leaks visible.
 */
public class TargetServer {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
            + "Connection: close\r\n\r\nok\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final byte[] COUNT_REQUEST = "GET /__served ".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
        } else if (args.length >= 4 && args[0].equals("load")) {
            load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Long.parseLong(args[4]) : -1);
        } else {
            System.err.println("usage: java TargetServer.java serve PORT | load PORT RATE SECONDS [SERVER_PID]");
            System.exit(2);
        }
    }

    static void serve(int port) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        AtomicLong requests = new AtomicLong();
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.err.println("target: served " + requests.get() + " requests")));
        System.err.println("target: listening on 127.0.0.1:" + port);
        ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
        long lastAcceptError = 0;
        while (true) {
            selector.select();
            for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (key.isAcceptable()) {
                        SocketChannel channel;
                        while ((channel = listener.accept()) != null) {
                            channel.configureBlocking(false);
                            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            channel.register(selector, SelectionKey.OP_READ, new Connection());
                        }
                    } else if (key.isReadable()) {
                        Connection connection = (Connection) key.attachment();
                        SocketChannel channel = (SocketChannel) key.channel();
                        in.clear();
                        int read = channel.read(in);
                        if (read < 0) {
                            key.cancel();
                            channel.close();
                            continue;
                        }
                        in.flip();
                        if (connection.sawEndOfHead(in)) {
                            ByteBuffer out = ByteBuffer.wrap(connection.asksForCount()
                                    ? countResponse(requests.get()) : RESPONSE);
                            // A 100-byte answer fits any socket buffer: one write, then close.
                            while (out.hasRemaining() && channel.write(out) > 0) {
                            }
                            if (!connection.asksForCount()) {
                                requests.incrementAndGet();
                            }
                            key.cancel();
                            channel.close();
                        }
                    }
                } catch (IOException e) {
                    if (key.channel() == listener) {
                        // e.g. out of file descriptors: keep listening, report it once a second at most
                        long now = System.nanoTime();
                        if (now - lastAcceptError > 1_000_000_000L) {
                            lastAcceptError = now;
                            System.err.println("target: accept failed: " + e);
                        }
                    } else {
                        key.cancel();
                        key.channel().close();
                    }
                }
            }
        }
    }

    /** 200 with the number of requests served so far (not counting this one), for the harness. */
    static byte[] countResponse(long served) {
        String body = served + "\n";
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Finds the blank line that ends a request head, across reads; a request body is not expected. */
    static final class Connection {
        private final byte[] start = new byte[COUNT_REQUEST.length];
        private int startLength;
        private int matched;

        /** Whether the request is GET /__served, which answers the count instead of "ok". */
        boolean asksForCount() {
            return startLength == start.length && Arrays.equals(start, COUNT_REQUEST);
        }

        boolean sawEndOfHead(ByteBuffer data) {
            while (data.hasRemaining()) {
                byte b = data.get();
                if (startLength < start.length) {
                    start[startLength++] = b;
                }
                matched = b == END_OF_HEAD[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == END_OF_HEAD.length) {
                    return true;
                }
            }
            return false;
        }
    }

    static void load(int port, int rate, int seconds, long serverPid) throws Exception {
        byte[] request = ("GET /load HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUser-Agent: vigil-bench-load\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long cpuBefore = cpuTicks(serverPid);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        int launched = 0;
        // Open loop: request i is due at start + i * period, whatever became of the earlier ones.
        while (launched < total) {
            long now = System.nanoTime();
            int due = (int) Math.min(total, (now - start) / periodNanos + 1);
            for (; launched < due; launched++) {
                int index = launched;
                threads.execute(() -> {
                    long t0 = System.nanoTime();
                    try (Socket socket = new Socket()) {
                        socket.setSoTimeout(5_000);
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        InputStream in = socket.getInputStream();
                        byte[] response = in.readAllBytes();
                        String head = new String(response, 0, Math.min(12, response.length), StandardCharsets.US_ASCII);
                        if (head.startsWith("HTTP/1.1 200")) {
                            ok.incrementAndGet();
                            latencies[index] = System.nanoTime() - t0;
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } finally {
                        done.incrementAndGet();
                    }
                });
            }
            Thread.sleep(1);
        }
        long launchedIn = System.nanoTime() - start;
        threads.shutdown();
        boolean finished = threads.awaitTermination(10, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        long cpuAfter = cpuTicks(serverPid);
        long[] okLatencies = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        double cpuPerThousand = serverPid > 0 && ok.get() > 0
                ? (cpuAfter - cpuBefore) / (double) clockTicks() / ok.get() * 1000 : -1;
        System.out.println(String.format(Locale.ROOT,
                "{\"requested_rate\": %d, \"seconds\": %d, \"sent\": %d, \"ok\": %d, \"errors\": %d, \"unfinished\": %d, "
                        + "\"achieved_rate\": %.1f, \"launch_seconds\": %.3f, \"latency_p50_ms\": %.3f, \"latency_p99_ms\": %.3f, "
                        + "\"latency_max_ms\": %.3f, \"server_cpu_s_per_1000\": %.4f, \"all_finished\": %s}",
                rate, seconds, total, ok.get(), errors.get(), total - done.get(),
                ok.get() / (elapsed / 1e9), launchedIn / 1e9,
                quantile(okLatencies, 0.50), quantile(okLatencies, 0.99), quantile(okLatencies, 1.0),
                cpuPerThousand, finished));
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat; 0 when no PID is given. */
    static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name (which is in parentheses and may hold spaces): state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** USER_HZ: 100 on every Linux architecture Vigil runs on. */
    static long clockTicks() {
        String hz = System.getenv("CLK_TCK");
        return hz == null || hz.isBlank() ? 100 : Long.parseLong(hz.strip());
    }
}
