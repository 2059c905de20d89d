package io.vigil.testsupport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.NetUtil;

/**
 * A name server on 127.0.0.1 answering UDP queries from a table the test fills: names it holds get
 * their records of the asked type (possibly none), other names NXDOMAIN. It can also be told to
 * answer a name with another code, or to stay silent so that a client times out.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final long TTL = 60;

    private final Map<String, List<Answer>> records = new ConcurrentHashMap<>();
    private final Map<String, DnsResponseCode> codes = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel channel;
    private volatile boolean silent;

    private record Answer(DnsRecordType type, byte[] data) {
    }

    public TestDnsServer() throws InterruptedException {
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), new Responder());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** The {@code resolver:} value that points a probe at this server. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public TestDnsServer a(String name, String... addresses) {
        for (String address : addresses) {
            add(name, DnsRecordType.A, NetUtil.createByteArrayFromIpAddressString(address));
        }
        return this;
    }

    public TestDnsServer aaaa(String name, String... addresses) {
        for (String address : addresses) {
            add(name, DnsRecordType.AAAA, NetUtil.createByteArrayFromIpAddressString(address));
        }
        return this;
    }

    public TestDnsServer cname(String name, String target) {
        return add(name, DnsRecordType.CNAME, encodeName(target));
    }

    public TestDnsServer ns(String name, String... servers) {
        for (String server : servers) {
            add(name, DnsRecordType.NS, encodeName(server));
        }
        return this;
    }

    public TestDnsServer mx(String name, int preference, String exchange) {
        byte[] host = encodeName(exchange);
        byte[] data = new byte[2 + host.length];
        data[0] = (byte) (preference >> 8);
        data[1] = (byte) preference;
        System.arraycopy(host, 0, data, 2, host.length);
        return add(name, DnsRecordType.MX, data);
    }

    /** One TXT record holding {@code text} as a single character-string (at most 255 bytes). */
    public TestDnsServer txt(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[1 + bytes.length];
        data[0] = (byte) bytes.length;
        System.arraycopy(bytes, 0, data, 1, bytes.length);
        return add(name, DnsRecordType.TXT, data);
    }

    /** Makes {@code name} answer with {@code code} (SERVFAIL, REFUSED, ...) and no records. */
    public TestDnsServer respond(String name, DnsResponseCode code) {
        codes.put(key(name), code);
        return this;
    }

    /** While silent, queries are read and counted but never answered. */
    public TestDnsServer silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    /** How many queries arrived, answered or not. */
    public int queries() {
        return queries.get();
    }

    /** The questions asked, as "TYPE name", in arrival order. */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    private TestDnsServer add(String name, DnsRecordType type, byte[] data) {
        records.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>()).add(new Answer(type, data));
        return this;
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** Uncompressed wire form: each label prefixed by its length, ended by the root's empty label. */
    private static byte[] encodeName(String name) {
        ByteBuf out = Unpooled.buffer();
        for (String label : key(name).split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.writeByte(bytes.length).writeBytes(bytes);
        }
        out.writeByte(0);
        byte[] data = new byte[out.readableBytes()];
        out.readBytes(data);
        return data;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            queries.incrementAndGet();
            DnsQuestion question = query.recordAt(DnsSection.QUESTION);
            questions.add(question.type().name() + " " + question.name());
            if (silent) {
                return;
            }
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
            String name = key(question.name());
            List<Answer> known = records.get(name);
            if (codes.containsKey(name)) {
                response.setCode(codes.get(name));
            } else if (known == null) {
                response.setCode(DnsResponseCode.NXDOMAIN);
            } else {
                for (Answer answer : new ArrayList<>(known)) {
                    if (answer.type().equals(question.type())) {
                        response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(question.name(), answer.type(), TTL,
                                Unpooled.wrappedBuffer(answer.data())));
                    }
                }
            }
            ctx.writeAndFlush(response);
        }
    }
}
