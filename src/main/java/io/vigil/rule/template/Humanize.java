package io.vigil.rule.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Prometheus' humanize functions and parseDuration, reproducing its output exactly: four significant digits via Go's
 * {@code %.4g}, SI prefixes k M G T P E Z Y and m u n p f a z y (an ASCII "u", not "µ"), and Go's own rendering of
 * NaN and infinities ({@code NaN}, {@code +Inf}, {@code -Inf}).
 */
final class Humanize {

    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    /** prometheus/common model.ParseDuration units, in the only order they may appear. */
    private static final Map<String, long[]> UNITS = Map.of(
            "y", new long[] {1, 365L * 24 * 3600 * 1_000_000_000L},
            "w", new long[] {2, 7L * 24 * 3600 * 1_000_000_000L},
            "d", new long[] {3, 24L * 3600 * 1_000_000_000L}, "h", new long[] {4, 3600L * 1_000_000_000L},
            "m", new long[] {5, 60L * 1_000_000_000L}, "s", new long[] {6, 1_000_000_000L},
            "ms", new long[] {7, 1_000_000L});

    private Humanize() {
    }

    private static String g4(double v) {
        return GoFloatFormat.format(v, 'g', 4);
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return g4(v) + prefix;
        }
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix;
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        String prefix = "";
        for (String p : BINARY) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return g4(v) + prefix;
    }

    static String duration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        if (v == 0) {
            return g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            v = Math.abs(v);
            // Go's int64(v) truncates; Java's (long) does too, and saturates where Go's result is unspecified.
            long duration = (long) v;
            long seconds = duration % 60;
            long minutes = duration / 60 % 60;
            long hours = duration / 60 / 60 % 24;
            long days = duration / 60 / 60 / 24;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(v) + "s";
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix + "s";
    }

    static String percentage(double v) {
        return g4(v * 100) + "%";
    }

    /** Go's time.Time String() in UTC, after Prometheus truncates the timestamp to milliseconds. */
    static String timestamp(double v) throws FuncException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        double nanos = v * 1e9;
        if (nanos > 0x1p63 || nanos < -0x1p63) {
            throw new FuncException(GoFloatFormat.shortest(v)
                    + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        long millis = (long) nanos / 1_000_000;
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        int year = t.getYear();
        StringBuilder out = new StringBuilder(40);
        out.append(year < 0 ? "-" : "").append(pad(Math.abs(year), 4)).append('-').append(pad(t.getMonthValue(), 2))
                .append('-').append(pad(t.getDayOfMonth(), 2)).append(' ').append(pad(t.getHour(), 2)).append(':')
                .append(pad(t.getMinute(), 2)).append(':').append(pad(t.getSecond(), 2));
        if (t.getNano() != 0) {
            String fraction = pad(t.getNano(), 9).replaceAll("0+$", "");
            out.append('.').append(fraction);
        }
        return out.append(" +0000 UTC").toString();
    }

    private static String pad(long n, int width) {
        String digits = Long.toString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Seconds in a Prometheus duration such as "1h2m10ms". */
    static double parseDuration(String s) throws FuncException {
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new FuncException("empty duration string");
        }
        FuncException invalid = new FuncException("not a valid duration string: " + GoStrconv.quote(s));
        long total = 0;
        long lastUnit = 0;
        int i = 0;
        while (i < s.length()) {
            int digitsEnd = i;
            while (digitsEnd < s.length() && Character.isDigit(s.charAt(digitsEnd)) && s.charAt(digitsEnd) < 128) {
                digitsEnd++;
            }
            int unitEnd = digitsEnd;
            while (unitEnd < s.length() && !(s.charAt(unitEnd) >= '0' && s.charAt(unitEnd) <= '9')) {
                unitEnd++;
            }
            if (digitsEnd == i || unitEnd == digitsEnd || digitsEnd - i > 19) {
                throw invalid;
            }
            String unitName = s.substring(digitsEnd, unitEnd);
            long[] unit = UNITS.get(unitName);
            if (unit == null) {
                throw new FuncException("unknown unit " + GoStrconv.quote(unitName) + " in duration "
                        + GoStrconv.quote(s));
            }
            if (unit[0] <= lastUnit) {
                throw invalid;
            }
            lastUnit = unit[0];
            long value = Long.parseUnsignedLong(s.substring(i, digitsEnd));
            if (Long.compareUnsigned(value, Long.divideUnsigned(Long.MIN_VALUE, unit[1])) > 0) {
                throw new FuncException("duration out of range");
            }
            total += value * unit[1];
            if (total < 0) {
                throw new FuncException("duration out of range");
            }
            i = unitEnd;
        }
        return total / 1e9;
    }
}
