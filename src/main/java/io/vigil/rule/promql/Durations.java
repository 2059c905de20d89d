package io.vigil.rule.promql;

import java.time.Duration;
import java.util.List;

/** Durations as Prometheus reads and prints them ({@code 1h30m}, {@code 500ms}). */
final class Durations {

    private static final List<String> UNITS = List.of("y", "w", "d", "h", "m", "s", "ms");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000, 60_000, 1000, 1
    };
    // Prometheus holds durations as int64 nanoseconds, so nothing longer is representable.
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

    private Durations() {
    }

    /**
     * Parses a duration with Prometheus's rules: units largest first, each at most once. Throws
     * {@link IllegalArgumentException} with Prometheus's message otherwise.
     */
    static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        long millis = 0;
        int lastUnit = -1;
        int i = 0;
        while (i < text.length()) {
            int digitsEnd = i;
            while (digitsEnd < text.length() && isDigit(text.charAt(digitsEnd))) {
                digitsEnd++;
            }
            int unitEnd = digitsEnd;
            while (unitEnd < text.length() && !isDigit(text.charAt(unitEnd))) {
                unitEnd++;
            }
            if (digitsEnd == i || unitEnd == digitsEnd || digitsEnd - i > 18) {
                throw invalid(text);
            }
            String unit = text.substring(digitsEnd, unitEnd);
            int u = UNITS.indexOf(unit);
            if (u < 0) {
                throw new IllegalArgumentException(
                        "unknown unit " + Quoting.quote(unit) + " in duration " + Quoting.quote(text));
            }
            if (u <= lastUnit) {
                throw invalid(text);
            }
            lastUnit = u;
            long value = Long.parseLong(text.substring(i, digitsEnd));
            if (value > MAX_MILLIS / UNIT_MILLIS[u] || millis + value * UNIT_MILLIS[u] > MAX_MILLIS) {
                throw new IllegalArgumentException("duration out of range");
            }
            millis += value * UNIT_MILLIS[u];
            i = unitEnd;
        }
        return Duration.ofMillis(millis);
    }

    /** A duration given as a number of seconds, kept to the millisecond as Prometheus does. */
    static Duration ofSeconds(double seconds) {
        double millis = seconds * 1000;
        if (Double.isNaN(millis) || Math.abs(millis) > MAX_MILLIS) {
            throw new IllegalArgumentException("duration out of range");
        }
        return Duration.ofMillis((long) millis);
    }

    /**
     * Prints a duration the way Prometheus does: {@code 1h30m}, {@code 0s}; years and weeks only
     * when they divide it exactly, so 90 days print as {@code 90d}, not {@code 12w6d}.
     */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (millis < 0) {
            out.append('-');
            millis = -millis;
        }
        for (int u = 0; u < UNITS.size(); u++) {
            boolean exactOnly = u < 2;
            if (exactOnly && millis % UNIT_MILLIS[u] != 0) {
                continue;
            }
            long count = millis / UNIT_MILLIS[u];
            if (count > 0) {
                out.append(count).append(UNITS.get(u));
                millis -= count * UNIT_MILLIS[u];
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a valid duration string: " + Quoting.quote(text));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
