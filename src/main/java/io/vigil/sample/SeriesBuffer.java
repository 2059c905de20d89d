package io.vigil.sample;

import java.util.Arrays;

/**
 * The recent samples of one series in time order: a ring of parallel primitive arrays (16 bytes a
 * sample), grown by doubling and trimmed by age on every append, so memory follows retention.
 */
public final class SeriesBuffer {

    private static final int INITIAL_CAPACITY = 8;

    private long[] timestamps = new long[INITIAL_CAPACITY];
    private double[] values = new double[INITIAL_CAPACITY];
    private int start;
    private int size;

    /** Appends a sample and drops those older than {@code oldestKept}; out-of-order samples are ignored. */
    public synchronized void append(long timestampMillis, double value, long oldestKept) {
        if (size > 0 && timestampMillis <= timestamps[index(size - 1)]) {
            return;
        }
        while (size > 0 && timestamps[start] < oldestKept) {
            start = (start + 1) % timestamps.length;
            size--;
        }
        if (size == timestamps.length) {
            grow();
        }
        int at = index(size);
        timestamps[at] = timestampMillis;
        values[at] = value;
        size++;
    }

    /** The newest sample at or before {@code atMillis} and not before {@code notBeforeMillis}, or null. */
    public synchronized Point latest(long atMillis, long notBeforeMillis) {
        for (int i = size - 1; i >= 0; i--) {
            long ts = timestamps[index(i)];
            if (ts <= atMillis) {
                return ts >= notBeforeMillis ? new Point(ts, values[index(i)]) : null;
            }
        }
        return null;
    }

    /** The samples with {@code fromMillis < t <= toMillis}, oldest first (PromQL's range selector bounds). */
    public synchronized Point[] range(long fromMillis, long toMillis) {
        int first = 0;
        while (first < size && timestamps[index(first)] <= fromMillis) {
            first++;
        }
        int last = first;
        while (last < size && timestamps[index(last)] <= toMillis) {
            last++;
        }
        Point[] out = new Point[last - first];
        for (int i = first; i < last; i++) {
            out[i - first] = new Point(timestamps[index(i)], values[index(i)]);
        }
        return out;
    }

    public synchronized int size() {
        return size;
    }

    /** The newest timestamp held, or {@link Long#MIN_VALUE} when empty. */
    public synchronized long newestTimestamp() {
        return size == 0 ? Long.MIN_VALUE : timestamps[index(size - 1)];
    }

    private int index(int offset) {
        return (start + offset) % timestamps.length;
    }

    private void grow() {
        long[] newTimestamps = new long[timestamps.length * 2];
        double[] newValues = new double[values.length * 2];
        for (int i = 0; i < size; i++) {
            newTimestamps[i] = timestamps[index(i)];
            newValues[i] = values[index(i)];
        }
        timestamps = newTimestamps;
        values = newValues;
        start = 0;
    }

    /** One sample of the series. */
    public record Point(long timestampMillis, double value) {
    }

    @Override
    public synchronized String toString() {
        return "SeriesBuffer" + Arrays.toString(range(Long.MIN_VALUE, Long.MAX_VALUE));
    }
}
