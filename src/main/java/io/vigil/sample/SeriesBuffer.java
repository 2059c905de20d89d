package io.vigil.sample;

import java.util.Arrays;

/**
 * The recent samples of one series in time order: a ring of parallel primitive arrays, grown by
 * doubling and trimmed by age on every append, so memory follows retention. Timestamps are kept
 * as int milliseconds from a base that moves with the ring: 12 bytes a sample instead of 16.
 */
public final class SeriesBuffer {

    private static final int INITIAL_CAPACITY = 8;

    private long base = Long.MIN_VALUE;
    private int[] offsets = new int[INITIAL_CAPACITY];
    private double[] values = new double[INITIAL_CAPACITY];
    private int start;
    private int size;

    /** Appends a sample and drops those older than {@code oldestKept}; out-of-order samples are ignored. */
    public synchronized void append(long timestampMillis, double value, long oldestKept) {
        if (size > 0 && timestampMillis <= timestamp(size - 1)) {
            return;
        }
        while (size > 0 && timestamp(0) < oldestKept) {
            start = (start + 1) % offsets.length;
            size--;
        }
        if (size == 0) {
            base = timestampMillis;
        } else if (timestampMillis - base > Integer.MAX_VALUE) {
            rebase(timestampMillis);
        }
        if (size == offsets.length) {
            grow();
        }
        int at = index(size);
        offsets[at] = (int) (timestampMillis - base);
        values[at] = value;
        size++;
    }

    /** The newest sample at or before {@code atMillis} and not before {@code notBeforeMillis}, or null. */
    public synchronized Point latest(long atMillis, long notBeforeMillis) {
        for (int i = size - 1; i >= 0; i--) {
            long ts = timestamp(i);
            if (ts <= atMillis) {
                return ts >= notBeforeMillis ? new Point(ts, values[index(i)]) : null;
            }
        }
        return null;
    }

    /** The samples with {@code fromMillis < t <= toMillis}, oldest first (PromQL's range selector bounds). */
    public synchronized Point[] range(long fromMillis, long toMillis) {
        int first = 0;
        while (first < size && timestamp(first) <= fromMillis) {
            first++;
        }
        int last = first;
        while (last < size && timestamp(last) <= toMillis) {
            last++;
        }
        Point[] out = new Point[last - first];
        for (int i = first; i < last; i++) {
            out[i - first] = new Point(timestamp(i), values[index(i)]);
        }
        return out;
    }

    public synchronized int size() {
        return size;
    }

    /** The newest timestamp held, or {@link Long#MIN_VALUE} when empty. */
    public synchronized long newestTimestamp() {
        return size == 0 ? Long.MIN_VALUE : timestamp(size - 1);
    }

    private long timestamp(int offset) {
        return base + offsets[index(offset)];
    }

    private int index(int offset) {
        return (start + offset) % offsets.length;
    }

    /**
     * Moves the base to the oldest sample so that {@code newest} fits in an int offset; samples
     * more than 24 days older than the newest (far beyond any retention) are dropped to make room.
     */
    private void rebase(long newest) {
        while (size > 0 && newest - timestamp(0) > Integer.MAX_VALUE) {
            start = (start + 1) % offsets.length;
            size--;
        }
        long newBase = size == 0 ? newest : timestamp(0);
        for (int i = 0; i < size; i++) {
            int at = index(i);
            offsets[at] = (int) (base + offsets[at] - newBase);
        }
        base = newBase;
    }

    private void grow() {
        int[] newOffsets = new int[offsets.length * 2];
        double[] newValues = new double[values.length * 2];
        for (int i = 0; i < size; i++) {
            newOffsets[i] = offsets[index(i)];
            newValues[i] = values[index(i)];
        }
        offsets = newOffsets;
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
