package io.vigil.sample;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Vigil's recent history of every series it has measured: what the rule engine reads with PromQL.
 * Bounded twice: by age (retention) and by the number of series. A series' labels include
 * {@code __name__}, as PromQL sees them.
 */
public class SeriesStore {

    private static final Logger LOG = Logger.getLogger(SeriesStore.class);

    private final Clock clock;
    private final Duration retention;
    private final int maxSeries;
    private final Map<SeriesKey, SeriesBuffer> series = new ConcurrentHashMap<>();
    /** An inverted index, label pair to series: a selector with an equality matcher reads only its series. */
    private final Map<LabelPair, Set<SeriesKey>> postings = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    /** Building a series' full label set is the costly part of an append; each is built once. */
    private final Map<KeyParts, SeriesKey> keys = new ConcurrentHashMap<>();

    private record KeyParts(Labels common, String metric, Labels labels) {
    }

    private record LabelPair(String name, String value) {
    }

    public SeriesStore(Clock clock, Duration retention, int maxSeries) {
        this.clock = clock;
        this.retention = retention;
        this.maxSeries = maxSeries;
    }

    /** Records {@code samples}, all taken at {@code timestampMillis}, each with {@code common} labels added. */
    public void append(long timestampMillis, Labels common, Collection<Sample> samples) {
        long oldestKept = timestampMillis - retention.toMillis();
        for (Sample sample : samples) {
            SeriesKey key = keys.computeIfAbsent(new KeyParts(common, sample.metric(), sample.labels()),
                    parts -> new SeriesKey(parts.metric(),
                            parts.common().with(parts.labels()).with(Labels.METRIC_NAME, parts.metric())));
            SeriesBuffer buffer = series.get(key);
            if (buffer == null) {
                buffer = create(key);
                if (buffer == null) {
                    continue;
                }
            }
            buffer.append(timestampMillis, sample.value(), oldestKept);
        }
    }

    private SeriesBuffer create(SeriesKey key) {
        if (series.size() >= maxSeries) {
            if (rejected.getAndIncrement() == 0) {
                LOG.warnf("Sample history holds its maximum of %d series; new series are not kept "
                        + "(raise vigil.history.max-series)", maxSeries);
            }
            return null;
        }
        SeriesBuffer buffer = series.computeIfAbsent(key, k -> new SeriesBuffer());
        Labels labels = key.labels();
        for (int i = 0; i < labels.size(); i++) {
            postings.computeIfAbsent(new LabelPair(labels.name(i), labels.value(i)), p -> ConcurrentHashMap.newKeySet())
                    .add(key);
        }
        return buffer;
    }

    /** Every series currently held. */
    public List<SeriesKey> allSeries() {
        return List.copyOf(series.keySet());
    }

    /** Every series of {@code metric} currently held. */
    public List<SeriesKey> seriesOf(String metric) {
        return List.copyOf(seriesWith(Labels.METRIC_NAME, metric));
    }

    /** A live, read-only view of the series that have label {@code name} set to {@code value}. */
    public Set<SeriesKey> seriesWith(String name, String value) {
        Set<SeriesKey> keys = postings.get(new LabelPair(name, value));
        return keys == null ? Set.of() : Collections.unmodifiableSet(keys);
    }

    /** The buffer of one series, or null. */
    public SeriesBuffer buffer(SeriesKey key) {
        return series.get(key);
    }

    public int seriesCount() {
        return series.size();
    }

    /** Samples that could not be kept because the series ceiling was reached. */
    public long rejectedSeries() {
        return rejected.get();
    }

    /** Forgets series that received nothing within the retention, e.g. of a probe since removed. */
    public void dropStaleSeries() {
        long oldestKept = clock.millis() - retention.toMillis();
        series.entrySet().removeIf(entry -> {
            boolean stale = entry.getValue().newestTimestamp() < oldestKept;
            if (stale) {
                keys.values().remove(entry.getKey());
                Labels labels = entry.getKey().labels();
                for (int i = 0; i < labels.size(); i++) {
                    Set<SeriesKey> withPair = postings.get(new LabelPair(labels.name(i), labels.value(i)));
                    if (withPair != null) {
                        withPair.remove(entry.getKey());
                    }
                }
            }
            return stale;
        });
    }
}
