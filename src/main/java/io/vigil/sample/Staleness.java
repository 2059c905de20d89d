package io.vigil.sample;

/**
 * Prometheus's staleness marker: a NaN with a particular bit pattern, appended when a series ends
 * so that PromQL stops seeing its last value at once instead of for the whole lookback.
 */
public final class Staleness {

    public static final long MARKER_BITS = 0x7ff0000000000002L;
    public static final double MARKER = Double.longBitsToDouble(MARKER_BITS);

    private Staleness() {
    }

    public static boolean isMarker(double value) {
        return Double.doubleToRawLongBits(value) == MARKER_BITS;
    }
}
