package io.vigil.sample;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * Measures heap bytes per retained sample of the sample history at the benchmark's scale (20,000
 * series, 1 h at 15 s): live heap after filling, less live heap before, over samples held.
 */
public final class HistoryFootprint {

    private static final Logger LOG = Logger.getLogger(HistoryFootprint.class);

    private HistoryFootprint() {
    }

    public static void main(String[] args) {
        int probes = 2_000;
        int metrics = 10;
        int steps = 240;
        long before = liveHeap();
        SeriesStore store = new SeriesStore(Clock.systemUTC(), Duration.ofHours(1), 100_000);
        for (int step = 0; step < steps; step++) {
            for (int p = 0; p < probes; p++) {
                Labels labels = Labels.of("probe", "web-" + p, "type", "http");
                for (int m = 0; m < metrics; m++) {
                    store.append(step * 15_000L, labels, List.of(Sample.of("metric_" + m, step + p)));
                }
            }
        }
        long after = liveHeap();
        long samples = (long) probes * metrics * steps;
        String line = String.format(Locale.ROOT, "history footprint: %d series, %d samples, %.1f MB, %.1f bytes per sample"
                + " (series keys and buffers included)", store.seriesCount(), samples, (after - before) / 1e6,
                (after - before) / (double) samples);
        LOG.info(line);
        if (store.seriesCount() == 0) {
            throw new IllegalStateException("nothing stored");
        }
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
