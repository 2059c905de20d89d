package io.vigil.rule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.vigil.rule.eval.SeriesSource;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;
import io.vigil.sample.SeriesStore;

/**
 * The rule engine at the scale of issue 3: 1,000 rules over 20,000 series (2,000 probes x 10
 * metrics) holding 1 h of history at 15 s. Run with bench/rule-engine.sh; figures in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RuleEngineBenchmark {

    static final int PROBES = 2_000;
    static final String[] METRICS = {
        "probe_success", "probe_duration_seconds", "probe_http_status_code", "probe_http_content_length",
        "probe_http_redirects", "probe_http_ssl", "probe_dns_lookup_time_seconds", "probe_ip_protocol",
        "probe_ssl_earliest_cert_expiry", "requests_total"
    };
    static final Duration STEP = Duration.ofSeconds(15);
    static final int HISTORY_STEPS = 240;
    static final int BURST_RUNS = 5_000;
    static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    SeriesStore store;
    List<RuleGroup> groups;
    Labels[] probeLabels;
    long now;
    int nextProbe;

    @Setup(Level.Trial)
    public void fill() {
        store = new SeriesStore(Clock.systemUTC(), Duration.ofHours(1), 100_000);
        probeLabels = new Labels[PROBES];
        for (int p = 0; p < PROBES; p++) {
            probeLabels[p] = Labels.of("probe", "web-" + p, "type", "http", "service", "svc-" + (p % 50));
        }
        for (int step = 0; step < HISTORY_STEPS; step++) {
            long ts = START.plus(STEP.multipliedBy(step)).toEpochMilli();
            for (int p = 0; p < PROBES; p++) {
                store.append(ts, probeLabels[p], samples(p, step));
            }
        }
        now = START.plus(STEP.multipliedBy(HISTORY_STEPS)).toEpochMilli();
        groups = compileRules();
    }

    static List<Sample> samples(int probe, int step) {
        List<Sample> samples = new ArrayList<>(METRICS.length);
        for (int m = 0; m < METRICS.length; m++) {
            double value = m == METRICS.length - 1 ? step * 10.0 + probe : (probe + step + m) % 7;
            samples.add(Sample.of(METRICS[m], value));
        }
        return samples;
    }

    /** Ten groups of a hundred rules, in the shapes rule files usually have. */
    static List<RuleGroup> compileRules() {
        List<RuleGroup> groups = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            StringBuilder file = new StringBuilder("groups:\n  - name: g" + g + "\n    rules:\n");
            for (int r = 0; r < 100; r++) {
                int probe = (g * 100 + r) % PROBES;
                String expr = switch (r % 5) {
                    case 0 -> "probe_success{probe=\"web-" + probe + "\"} == 0";
                    case 1 -> "rate(requests_total{probe=\"web-" + probe + "\"}[5m]) > 100";
                    case 2 -> "avg_over_time(probe_duration_seconds{probe=\"web-" + probe + "\"}[10m]) > 5";
                    case 3 -> "sum by (service) (probe_http_status_code{service=\"svc-" + (probe % 50) + "\"}) > 1e9";
                    default -> "probe_ssl_earliest_cert_expiry{probe=\"web-" + probe + "\"} - time() < 86400 * 7";
                };
                file.append("      - alert: A").append(r).append("\n        expr: '").append(expr).append("'\n")
                        .append("        for: 5m\n        annotations: {summary: '{{ $labels.probe }} at {{ $value }}'}\n");
            }
            RuleFileParser.parse("bench.yml", file.toString())
                    .forEach(definition -> groups.add(RuleCompiler.compile(definition, STEP)));
        }
        return groups;
    }

    /** Every rule evaluated once: the cost of a full evaluation cycle. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int evaluateAllRules() {
        Instant at = Instant.ofEpochMilli(now);
        SeriesSource source = SeriesSource.of(store);
        RecordedSeries none = (ts, samples) -> { };
        int transitions = 0;
        for (RuleGroup group : groups) {
            transitions += group.evaluate(at, source, none, TemplateContext.EMPTY).size();
        }
        return transitions;
    }

    /**
     * Evaluation on arrival as RuleManager does it: samples arriving within 100 ms are coalesced
     * into one evaluation of the groups that read them. One operation is 100 ms worth of arrivals
     * at 500,000 samples/s (5,000 probe runs of 10 samples) followed by that one evaluation of all
     * groups, on one thread; it keeps up with that rate when an operation takes under 100 ms.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int ingestBurstAndEvaluate() {
        for (int i = 0; i < BURST_RUNS; i++) {
            ingestOneProbeRun();
        }
        return evaluateAllRules();
    }

    /** One probe's run (10 samples) going into the history, probes in turn, time moving on. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void ingestOneProbeRun() {
        int probe = nextProbe++;
        if (nextProbe == PROBES) {
            nextProbe = 0;
            now += STEP.toMillis();
        }
        store.append(now, probeLabels[probe], samples(probe, 0));
    }
}
