import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Driver and webhook receiver of {@code bench/notify-latency.sh}: how long an alert takes from firing to its
 * webhook. Run with the JDK's source launcher, no build needed (JDK 21 or newer):
 *
 * <pre>
 *   java bench/NotifyBench.java api VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR RATE:COUNT:WARMUP:BATCH [...]
 *       for each phase, POSTs COUNT + WARMUP alerts to VIGIL_URL/api/v2/alerts at RATE alerts/s, BATCH alerts a
 *       request (each request at its scheduled time, asynchronously, so a slow answer does not slow the rate),
 *       each with a unique "id" label; the first WARMUP are not counted. Latency = the moment the webhook carrying
 *       the alert's id was received - the moment its POST was started (System.nanoTime, one process).
 *   java bench/NotifyBench.java rule-steady VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR RULES_FILE G:P:WARMUP:DURATION
 *       writes G rule groups whose rule yields a new alert identity every P seconds (see steadyRulePhase) to
 *       RULES_FILE, which vigil.yaml names, and POSTs /api/v1/config/reload. Latency = webhook received - the
 *       alert's startsAt (the timestamp of the evaluation that fired it; epoch clock of the same host).
 *   java bench/NotifyBench.java rule VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR RULES_FILE GROUPS
 *       the same with GROUPS groups of one "vector(1)" rule (for: 0s), which all fire once, within a second of the
 *       reload; also reports received - the reload's answer, which adds each group's schedule offset (0 to 1 s).
 *   java bench/NotifyBench.java breakdown OUT_DIR
 *       splits the latencies of OUT_DIR/alerts-*.csv (written by the modes above) at the instants Vigil stored in
 *       its outbox, exported to OUT_DIR/outbox.csv by notify-latency.sh.
 * </pre>
 *
 * The receiver listens on 127.0.0.1:RECEIVER_PORT (com.sun.net.httpserver, one virtual thread a request) and
 * answers every POST 200 after noting its arrival time and every "id" label in it. An alert not received within
 * the bound (BOUND_SECONDS, default 10) of its send counts as lost. Results: one JSON object per phase in
 * OUT_DIR/notify-MODE-results.json, the alerts in OUT_DIR/alerts-PHASE.csv, and a Markdown table on stdout;
 * progress on stderr. CPU figures are utime + stime from /proc (Vigil, this process) and /proc/stat (machine).
 */
public class NotifyBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STARTS_AT = Pattern.compile("\"startsAt\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CYCLE = Pattern.compile("\"cycle\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ALERTS = Pattern.compile("\"fingerprint\"\\s*:");
    static final long CLK_TCK = 100;

    /** What the receiver saw: first arrival per id (nanoTime and epoch micros), the startsAt, duplicates. */
    static final class Received {
        final Map<String, long[]> first = new ConcurrentHashMap<>();
        final Map<String, String> startsAt = new ConcurrentHashMap<>();
        final AtomicLong posts = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong multiAlertPosts = new AtomicLong();
    }

    static final Received RECEIVED = new Received();
    static Path outDir;
    /** The API token notify-latency.sh gave Vigil (VIGIL_API_TOKENS): posting alerts and reloading are writes. */
    static final String AUTHORIZATION = "Bearer " + System.getenv().getOrDefault("VIGIL_BENCH_TOKEN", "");

    static long boundNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(System.getenv().getOrDefault("BOUND_SECONDS", "10")));

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("breakdown")) {
            System.out.println(breakdown(Path.of(args[1])));
            return;
        }
        if (args.length < 6 || !List.of("api", "rule", "rule-steady").contains(args[0])) {
            System.err.println("usage: java NotifyBench.java api VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR "
                    + "RATE:COUNT:WARMUP:BATCH [...] | rule VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR RULES_FILE GROUPS"
                    + " | rule-steady VIGIL_URL RECEIVER_PORT VIGIL_PID OUT_DIR RULES_FILE GROUPS:PERIOD:WARMUP:DURATION");
            System.exit(2);
        }
        String vigil = args[1].replaceFirst("/+$", "");
        int receiverPort = Integer.parseInt(args[2]);
        long vigilPid = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        outDir = out;
        HttpServer server = receiver(receiverPort);
        List<Map<String, Object>> results = new ArrayList<>();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (args[0].equals("api")) {
                for (int i = 5; i < args.length; i++) {
                    String[] p = args[i].split(":");
                    results.add(apiPhase(client, vigil, vigilPid, "p" + (i - 4), Double.parseDouble(p[0]),
                            Integer.parseInt(p[1]), Integer.parseInt(p[2]), p.length > 3 ? Integer.parseInt(p[3]) : 1));
                }
            } else if (args[0].equals("rule")) {
                results.add(rulePhase(client, vigil, vigilPid, Path.of(args[5]), Integer.parseInt(args[6])));
            } else {
                String[] p = args[6].split(":");
                results.add(steadyRulePhase(client, vigil, vigilPid, Path.of(args[5]), Integer.parseInt(p[0]),
                        Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3])));
            }
        } finally {
            server.stop(0);
        }
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            json.append("  ").append(toJson(results.get(i))).append(i + 1 < results.size() ? ",\n" : "\n");
        }
        Files.writeString(out.resolve("notify-" + args[0] + "-results.json"),
                json.append("]\n"));
        System.out.println(markdown(results));
    }

    // ------------------------------------------------------------------ receiver

    static HttpServer receiver(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long nanos = System.nanoTime();
            long micros = epochMicros(Instant.now());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            RECEIVED.posts.incrementAndGet();
            Matcher alerts = ALERTS.matcher(body);
            int count = 0;
            while (alerts.find()) {
                count++;
            }
            if (count > 1) {
                RECEIVED.multiAlertPosts.incrementAndGet();
            }
            // groupLabels and commonLabels repeat the id: count each id once per POST
            Matcher ids = ID.matcher(body);
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (ids.find()) {
                seen.add(ids.group(1));
            }
            // rule-steady alerts are one per id and cycle
            Matcher cycle = CYCLE.matcher(body);
            if (cycle.find()) {
                String suffix = "@" + cycle.group(1);
                java.util.Set<String> keyed = new java.util.HashSet<>();
                seen.forEach(id -> keyed.add(id + suffix));
                seen = keyed;
            }
            Matcher starts = STARTS_AT.matcher(body);
            String startsAt = count == 1 && starts.find() ? starts.group(1) : null;
            for (String id : seen) {
                if (RECEIVED.first.putIfAbsent(id, new long[] {nanos, micros}) != null) {
                    RECEIVED.duplicates.incrementAndGet();
                } else if (startsAt != null) {
                    RECEIVED.startsAt.put(id, startsAt);
                }
            }
        });
        server.start();
        return server;
    }

    // ------------------------------------------------------------------ API phase

    static Map<String, Object> apiPhase(HttpClient client, String vigil, long pid, String phase, double rate,
            int count, int warmup, int batch) throws Exception {
        int total = count + warmup;
        int requests = (total + batch - 1) / batch;
        double requestsPerSecond = rate / batch;
        long periodNanos = (long) (1e9 / requestsPerSecond);
        long[] sent = new long[total];
        long[] sentMicros = new long[total];
        long[] answered = new long[requests];
        int[] status = new int[requests];
        String[] ids = new String[total];
        for (int i = 0; i < total; i++) {
            ids[i] = String.format(Locale.ROOT, "%s-r%d-%06d", phase, (int) rate, i);
        }
        URI uri = URI.create(vigil + "/api/v2/alerts");
        log("%s: %d alerts (%d warm-up) at %.0f/s, %d per request", phase, total, warmup, rate, batch);
        CpuWindow cpuWindow = new CpuWindow(pid);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measuredStart = 0;
        java.util.concurrent.CompletableFuture<?>[] futures = new java.util.concurrent.CompletableFuture<?>[requests];
        long maxBehind = 0;
        for (int r = 0; r < requests; r++) {
            long due = start + r * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int from = r * batch;
            int to = Math.min(total, from + batch);
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < to; i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"labels\":{\"alertname\":\"NotifyBench\",\"id\":\"").append(ids[i])
                        .append("\",\"severity\":\"none\"},\"annotations\":{\"summary\":\"notify-latency bench\"}}");
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build();
            long now = System.nanoTime();
            long nowMicros = epochMicros(Instant.now());
            maxBehind = Math.max(maxBehind, now - due);
            if (from <= warmup && warmup < to) {
                measuredStart = now;
            }
            for (int i = from; i < to; i++) {
                sent[i] = now;
                sentMicros[i] = nowMicros;
            }
            final int index = r;
            futures[r] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                answered[index] = System.nanoTime();
                status[index] = error != null ? -1 : response.statusCode();
                return null;
            });
        }
        long lastSent = System.nanoTime();
        long sendSeconds = lastSent - measuredStart;
        // Bounded wait: until every alert arrived, or the bound has passed since the last send.
        long deadline = lastSent + boundNanos;
        while (System.nanoTime() < deadline && !allReceived(ids, count, warmup)) {
            Thread.sleep(20);
        }
        for (var future : futures) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // counted through status[] == 0 below
            }
        }

        double[] latency = new double[count];
        int received = 0;
        int lost = 0;
        for (int i = warmup; i < total; i++) {
            long[] got = RECEIVED.first.get(ids[i]);
            if (got == null || got[0] - sent[i] > boundNanos) {
                lost++;
            } else {
                latency[received++] = (got[0] - sent[i]) / 1e6;
            }
        }
        writeAlerts(phase, ids, sentMicros, warmup);
        double[] post = new double[requests];
        int posts = 0;
        int failedPosts = 0;
        for (int r = 0; r < requests; r++) {
            if (status[r] != 200) {
                failedPosts++;
            } else if (r * batch >= warmup) {
                post[posts++] = (answered[r] - sent[r * batch]) / 1e6;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", "POST /api/v2/alerts");
        result.put("rate", rate);
        result.put("batch", batch);
        result.put("warmup", warmup);
        result.put("sent", count);
        result.put("achieved_rate", (count - batch) / (sendSeconds / 1e9));
        result.put("max_send_behind_ms", maxBehind / 1e6);
        result.put("received", received);
        result.put("lost", lost);
        result.put("failed_posts", failedPosts);
        putPercentiles(result, "latency", Arrays.copyOf(latency, received));
        putPercentiles(result, "post", Arrays.copyOf(post, posts));
        cpuWindow.into(result);
        result.put("duplicates_so_far", RECEIVED.duplicates.get());
        result.put("multi_alert_posts_so_far", RECEIVED.multiAlertPosts.get());
        log("%s: %s", phase, toJson(result));
        return result;
    }

    static boolean allReceived(String[] ids, int count, int warmup) {
        for (int i = warmup; i < warmup + count; i++) {
            if (!RECEIVED.first.containsKey(ids[i])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ rule phase

    static Map<String, Object> rulePhase(HttpClient client, String vigil, long pid, Path rulesFile, int groups)
            throws Exception {
        String[] ids = new String[groups];
        StringBuilder rules = new StringBuilder("groups:\n");
        for (int g = 0; g < groups; g++) {
            ids[g] = String.format(Locale.ROOT, "rule-%04d", g);
            rules.append("  - name: notify-bench-").append(g).append("\n    interval: 1s\n    rules:\n")
                    .append("      - alert: NotifyBenchRule\n        expr: vector(1)\n        labels:\n")
                    .append("          id: ").append(ids[g]).append('\n');
        }
        Files.writeString(rulesFile, rules);
        log("rule: %d groups written to %s; reloading", groups, rulesFile);
        CpuWindow cpuWindow = new CpuWindow(pid);
        long reloadStart = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(vigil + "/api/v1/config/reload"))
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long reloaded = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reload answered " + response.statusCode() + ": " + response.body());
        }
        long deadline = reloaded + boundNanos;
        while (System.nanoTime() < deadline && !allReceived(ids, groups, 0)) {
            Thread.sleep(20);
        }
        Map<String, Object> cpuFigures = new LinkedHashMap<>();
        cpuWindow.into(cpuFigures);
        double[] fromEvaluation = new double[groups];
        double[] fromReload = new double[groups];
        int received = 0;
        long[] firedAll = new long[groups];
        long[] receivedAll = new long[groups];
        boolean[] measuredAll = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            String id = ids[g];
            long[] got = RECEIVED.first.get(id);
            String startsAt = RECEIVED.startsAt.get(id);
            if (got == null || got[0] - reloaded > boundNanos || startsAt == null) {
                continue;
            }
            long firedMicros = epochMicros(Instant.parse(startsAt));
            firedAll[g] = firedMicros;
            receivedAll[g] = got[1];
            measuredAll[g] = true;
            fromEvaluation[received] = (got[1] - firedMicros) / 1e3;
            fromReload[received] = (got[0] - reloaded) / 1e6;
            received++;
        }
        writeAlerts("burst", ids, firedAll, receivedAll, measuredAll);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", "rule vector(1) after reload");
        result.put("rate", Double.NaN);
        result.put("batch", 1);
        result.put("warmup", 0);
        result.put("sent", groups);
        result.put("reload_ms", (reloaded - reloadStart) / 1e6);
        result.put("received", received);
        result.put("lost", groups - received);
        putPercentiles(result, "latency", Arrays.copyOf(fromEvaluation, received));
        putPercentiles(result, "from_reload", Arrays.copyOf(fromReload, received));
        result.putAll(cpuFigures);
        result.put("duplicates_so_far", RECEIVED.duplicates.get());
        log("rule: %s", toJson(result));
        return result;
    }

    // ------------------------------------------------------------------ steady rule phase

    /**
     * GROUPS rule groups (interval 1s) whose one rule, {@code floor((vector(time()) + K) / PERIOD) % 100000}
     * with {@code for: 0s} and the label {@code cycle: '{{ $value }}'}, yields a new alert identity every PERIOD seconds; group g has K = g mod
     * PERIOD, so that the changes are spread: GROUPS / PERIOD new alerts a second, each its own group. The old one
     * disappears, and resolves without a message (send_resolved is off). Alerts whose cycle starts in the first
     * WARMUP seconds after the reload are not counted; then DURATION seconds are measured.
     */
    static Map<String, Object> steadyRulePhase(HttpClient client, String vigil, long pid, Path rulesFile, int groups,
            int period, int warmup, int duration) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n");
        for (int g = 0; g < groups; g++) {
            rules.append("  - name: notify-bench-steady-").append(g).append("\n    interval: 1s\n    rules:\n")
                    .append("      - alert: NotifyBenchSteady\n        expr: floor((vector(time()) + ")
                    .append(g % period).append(") / ").append(period).append(") % 100000\n        labels:\n")
                    .append("          cycle: '{{ $value }}'\n")
                    .append("          id: ").append(String.format(Locale.ROOT, "steady-%04d", g)).append('\n');
        }
        Files.writeString(rulesFile, rules);
        log("rule-steady: %d groups, a new alert each every %d s (%.0f/s); reloading", groups, period,
                (double) groups / period);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(vigil + "/api/v1/config/reload"))
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reload answered " + response.statusCode() + ": " + response.body());
        }
        long reloadedMillis = System.currentTimeMillis();
        long windowStart = (reloadedMillis + 999) / 1000 + warmup;   // epoch seconds
        long windowEnd = windowStart + duration;
        Thread.sleep(Math.max(0, windowStart * 1000 - System.currentTimeMillis()));
        CpuWindow cpuWindow = new CpuWindow(pid);
        Thread.sleep(Math.max(0, windowEnd * 1000 - System.currentTimeMillis()));
        Map<String, Object> cpuFigures = new LinkedHashMap<>();
        cpuWindow.into(cpuFigures);
        // expected: every group's every cycle that starts within the window
        Map<String, Long> expected = new LinkedHashMap<>();   // "id@cycle" -> cycle start (epoch s)
        for (int g = 0; g < groups; g++) {
            int k = g % period;
            for (long c = Math.floorDiv(windowStart + k, period); c * period - k < windowEnd; c++) {
                long begins = c * period - k;
                if (begins >= windowStart) {
                    expected.put(String.format(Locale.ROOT, "steady-%04d@%d", g, c % 100000), begins);
                }
            }
        }
        long deadline = System.nanoTime() + boundNanos + TimeUnit.SECONDS.toNanos(1);
        Map<String, long[]> byKey = new java.util.HashMap<>();
        Map<String, String> startsByKey = new java.util.HashMap<>();
        while (true) {
            for (Map.Entry<String, long[]> e : RECEIVED.first.entrySet()) {
                int at = e.getKey().indexOf('@');
                if (at > 0 && !byKey.containsKey(e.getKey())) {
                    // the label's text is the value as the template printed it; normalise it to a whole number
                    String key = e.getKey().substring(0, at) + "@"
                            + (long) Double.parseDouble(e.getKey().substring(at + 1));
                    byKey.put(key, e.getValue());
                    startsByKey.put(key, RECEIVED.startsAt.get(e.getKey()));
                }
            }
            if (byKey.keySet().containsAll(expected.keySet()) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(50);
        }
        double[] latency = new double[expected.size()];
        int received = 0;
        int lost = 0;
        double worstStartDelay = 0;
        String[] keys = expected.keySet().toArray(String[]::new);
        long[] firedAll = new long[keys.length];
        long[] receivedAll = new long[keys.length];
        boolean[] measuredAll = new boolean[keys.length];
        Arrays.fill(measuredAll, true);
        int index = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            int at = index++;
            long[] got = byKey.get(e.getKey());
            String startsAt = startsByKey.get(e.getKey());
            if (got == null || startsAt == null) {
                lost++;
                continue;
            }
            long firedMicros = epochMicros(Instant.parse(startsAt));
            firedAll[at] = firedMicros;
            receivedAll[at] = got[1];
            double ms = (got[1] - firedMicros) / 1e3;
            if (ms > boundNanos / 1e6) {
                lost++;
                continue;
            }
            latency[received++] = ms;
            worstStartDelay = Math.max(worstStartDelay, (firedMicros - e.getValue() * 1_000_000) / 1e3);
        }
        writeAlerts("steady", keys, firedAll, receivedAll, measuredAll);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", "rule, steady (new alert identity per cycle)");
        result.put("rate", (double) groups / period);
        result.put("batch", 1);
        result.put("warmup", warmup);
        result.put("sent", expected.size());
        result.put("window_seconds", duration);
        result.put("received", received);
        result.put("lost", lost);
        putPercentiles(result, "latency", Arrays.copyOf(latency, received));
        result.put("max_fire_after_cycle_start_ms", worstStartDelay);
        result.putAll(cpuFigures);
        result.put("duplicates_so_far", RECEIVED.duplicates.get());
        log("rule-steady: %s", toJson(result));
        return result;
    }

    // ------------------------------------------------------------------ breakdown

    static final Pattern KEY_ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    static final Pattern KEY_CYCLE = Pattern.compile("\\bcycle=\"([^\"]+)\"");
    static final String[] STAGES = {"fired -> dispatcher pass began", "pass began -> attempt started",
        "attempt started -> received", "fired -> received"};

    /**
     * Splits each measured alert's latency at the two instants Vigil stored: the outbox row's created_at and the
     * first attempt's attempted_at (the sender's start). created_at is the {@code now} of the dispatcher pass
     * ({@code Dispatcher.runDue}) that flushed the group: one instant for every group due in that pass, whose
     * notifications are then rendered and committed one after the other. So the first stage is ingest (or rule
     * evaluation), waiting for the dispatcher's lock and its wake-up; the second is the commits of the pass up to
     * and including this one, and the hand-off to the sender; the third is reading the payload back and the HTTP
     * POST. OUT/outbox.csv is an export of those (see notify-latency.sh); OUT/alerts-*.csv are the driver's. One
     * host, one epoch clock.
     */
    static String breakdown(Path out) throws IOException {
        Map<String, double[]> stored = new java.util.HashMap<>();   // key -> {created_us, attempted_us}
        List<String> lines = Files.readAllLines(out.resolve("outbox.csv"));
        Map<String, Double> passOf = new java.util.HashMap<>();   // key -> created_at (the pass)
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csvFields(line);
            Matcher id = KEY_ID.matcher(f.get(1));
            if (!id.find()) {
                continue;
            }
            Matcher cycle = KEY_CYCLE.matcher(f.get(1));
            String key = cycle.find() ? id.group(1) + "@" + (long) Double.parseDouble(cycle.group(1)) : id.group(1);
            stored.putIfAbsent(key, new double[] {Double.parseDouble(f.get(2)) * 1e6, Double.parseDouble(f.get(3)) * 1e6});
            passOf.putIfAbsent(key, Double.parseDouble(f.get(2)));
        }
        StringBuilder md = new StringBuilder();
        List<Path> files;
        try (var list = Files.list(out)) {
            // API phases first (p1, p2, ...), then the steady rule phase, then the burst
            files = list.filter(p -> p.getFileName().toString().matches("alerts-.*\\.csv"))
                    .sorted(java.util.Comparator.comparing((Path p) -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("alerts-p") ? 0 : name.startsWith("alerts-steady") ? 1 : 2;
                    }).thenComparing(Path::toString)).toList();
        }
        for (Path file : files) {
            List<double[]> rows = new ArrayList<>();
            Map<Double, Integer> passes = new java.util.HashMap<>();
            int missing = 0;
            List<String> alerts = Files.readAllLines(file);
            for (String line : alerts.subList(1, alerts.size())) {
                String[] f = line.split(",", -1);
                if (!f[4].equals("1") || f[2].isEmpty() || f[3].isEmpty()) {
                    continue;
                }
                double[] row = stored.get(f[0]);
                if (row == null) {
                    missing++;
                    continue;
                }
                passes.merge(passOf.get(f[0]), 1, Integer::sum);
                double fired = Double.parseDouble(f[2]);
                double received = Double.parseDouble(f[3]);
                rows.add(new double[] {(row[0] - fired) / 1e3, (row[1] - row[0]) / 1e3, (received - row[1]) / 1e3,
                        (received - fired) / 1e3});
            }
            if (rows.isEmpty()) {
                continue;
            }
            rows.sort(java.util.Comparator.comparingDouble(r -> r[3]));
            List<double[]> slowest = rows.subList((int) Math.floor(rows.size() * 0.99), rows.size());
            md.append(String.format(Locale.ROOT, "%nWhere the time goes, %s (%d alerts%s; flushed in %d dispatcher "
                    + "passes, at most %d in one):%n%n", file.getFileName(), rows.size(),
                    missing == 0 ? "" : ", " + missing + " not found in the outbox", passes.size(),
                    passes.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
            md.append("| Stage | p50 | p90 | p99 | max | mean over the slowest 1 % (by total) |\n|---|---|---|---|---|---|\n");
            for (int s = 0; s < STAGES.length; s++) {
                final int stage = s;
                double[] values = rows.stream().mapToDouble(r -> r[stage]).sorted().toArray();
                double tail = slowest.stream().mapToDouble(r -> r[stage]).average().orElse(Double.NaN);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", STAGES[s],
                        ms(rank(values, 0.50)), ms(rank(values, 0.90)), ms(rank(values, 0.99)),
                        ms(values[values.length - 1]), ms(tail)));
            }
        }
        return md.toString();
    }

    static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** One line of a CSV file as H2's CSVWRITE writes it: every field quoted, quotes doubled. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    // ------------------------------------------------------------------ figures

    /** Exact nearest-rank percentiles of the values (ms). */
    static void putPercentiles(Map<String, Object> result, String name, double[] values) {
        Arrays.sort(values);
        result.put(name + "_count", values.length);
        for (double q : new double[] {0.50, 0.90, 0.99, 0.999}) {
            String key = name + "_p" + (q == 0.999 ? "999" : String.valueOf((int) Math.round(q * 100)));
            result.put(key, values.length == 0 ? Double.NaN : values[Math.max(0, (int) Math.ceil(q * values.length) - 1)]);
        }
        result.put(name + "_max", values.length == 0 ? Double.NaN : values[values.length - 1]);
        result.put(name + "_min", values.length == 0 ? Double.NaN : values[0]);
    }

    static long epochMicros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    /** OUT/alerts-PHASE.csv: key, phase, fired or sent (epoch us), received (epoch us, empty if never), measured. */
    static void writeAlerts(String phase, String[] keys, long[] firedMicros, int warmup) throws IOException {
        long[] receivedMicros = new long[keys.length];
        boolean[] measured = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            long[] got = RECEIVED.first.get(keys[i]);
            receivedMicros[i] = got == null ? 0 : got[1];
            measured[i] = i >= warmup;
        }
        writeAlerts(phase, keys, firedMicros, receivedMicros, measured);
    }

    static void writeAlerts(String phase, String[] keys, long[] firedMicros, long[] receivedMicros, boolean[] measured)
            throws IOException {
        StringBuilder csv = new StringBuilder("key,phase,fired_us,received_us,measured\n");
        for (int i = 0; i < keys.length; i++) {
            csv.append(keys[i]).append(',').append(phase).append(',')
                    .append(firedMicros[i] == 0 ? "" : String.valueOf(firedMicros[i])).append(',')
                    .append(receivedMicros[i] == 0 ? "" : String.valueOf(receivedMicros[i])).append(',')
                    .append(measured[i] ? 1 : 0).append('\n');
        }
        Files.writeString(outDir.resolve("alerts-" + phase + ".csv"), csv);
    }

    /** CPU ticks of the whole machine: {busy, total} from /proc/stat. */
    static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** CPU seconds over a window, as cores: Vigil, this driver, and the whole machine (busy ticks). */
    static final class CpuWindow {
        final long vigilPid;
        final long[] vigil0;
        final long[] self0;
        final long[] machine0;
        final long started = System.nanoTime();

        CpuWindow(long vigilPid) {
            this.vigilPid = vigilPid;
            this.vigil0 = cpu(vigilPid);
            this.self0 = cpu(ProcessHandle.current().pid());
            this.machine0 = machine();
        }

        void into(Map<String, Object> result) {
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] vigil1 = cpu(vigilPid);
            long[] self1 = cpu(ProcessHandle.current().pid());
            long[] machine1 = machine();
            result.put("vigil_cpu_cores", (vigil1[0] + vigil1[1] - vigil0[0] - vigil0[1]) / (double) CLK_TCK / seconds);
            result.put("driver_cpu_cores", (self1[0] + self1[1] - self0[0] - self0[1]) / (double) CLK_TCK / seconds);
            result.put("machine_cpu_cores", (machine1[0] - machine0[0]) / (double) CLK_TCK / seconds);
        }
    }

    static long[] cpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static String markdown(List<Map<String, Object>> results) {
        StringBuilder out = new StringBuilder();
        out.append("| Source | Rate | Batch | Measured (warm-up) | p50 | p90 | p99 | p99.9 | max | Lost | POST p50 / p99 | CPU cores: Vigil / driver / machine |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : results) {
            boolean api = r.containsKey("post_p50");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %.2f / %.2f / %.2f |\n",
                    r.get("phase"),
                    api ? String.format(Locale.ROOT, "%.0f/s (achieved %.0f/s)", (double) r.get("rate"),
                            (double) r.get("achieved_rate"))
                            : r.containsKey("window_seconds") ? String.format(Locale.ROOT, "%.0f/s for %s s",
                                    (double) r.get("rate"), r.get("window_seconds")) : "burst",
                    r.get("batch"), r.get("received"), r.get("warmup") + (api ? "" : r.containsKey("window_seconds") ? " s" : ""), ms(r.get("latency_p50")),
                    ms(r.get("latency_p90")), ms(r.get("latency_p99")), ms(r.get("latency_p999")),
                    ms(r.get("latency_max")), r.get("lost") + " of " + r.get("sent"),
                    api ? ms(r.get("post_p50")) + " / " + ms(r.get("post_p99"))
                            : r.containsKey("reload_ms") ? "reload " + ms(r.get("reload_ms")) : "",
                    (double) r.get("vigil_cpu_cores"), (double) r.get("driver_cpu_cores"),
                    (double) r.get("machine_cpu_cores")));
        }
        for (Map<String, Object> r : results) {
            if (r.containsKey("from_reload_p50")) {
                out.append(String.format(Locale.ROOT,
                        "%nRule alerts, from the reload's answer to the webhook (adds each group's first-evaluation "
                                + "offset, 0-1 s): p50 %s, p99 %s, max %s%n",
                        ms(r.get("from_reload_p50")), ms(r.get("from_reload_p99")), ms(r.get("from_reload_max"))));
            }
        }
        out.append(String.format(Locale.ROOT, "%nWebhook POSTs received in all: %d; alerts received twice: %d; "
                + "POSTs carrying more than one alert: %d%n", RECEIVED.posts.get(), RECEIVED.duplicates.get(),
                RECEIVED.multiAlertPosts.get()));
        return out.toString();
    }

    static String ms(Object v) {
        double d = (double) v;
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, d < 10 ? "%.2f ms" : "%.1f ms", d);
    }

    static String toJson(Map<String, Object> map) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                s.append("null");
            } else if (v instanceof Number) {
                s.append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString());
            } else {
                s.append('"').append(v).append('"');
            }
        }
        return s.append('}').toString();
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[notify-bench %tT] %s%n", System.currentTimeMillis(),
                String.format(Locale.ROOT, format, args));
    }
}
