package io.vigil.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Prometheus writes them ({@code 30s}, {@code 1h30m}, {@code 500ms}), so that
 * a value copied from a Prometheus or Alertmanager file means the same thing here.
 */
public final class PromDuration {

    // Same units and order as Prometheus's model.ParseDuration: each unit at most once, largest first.
    private static final Pattern FORMAT = Pattern.compile(
            "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000, 60_000, 1000, 1
    };

    private PromDuration() {
    }

    /** Parses a Prometheus duration; throws {@link IllegalArgumentException} naming the text otherwise. */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text
                    + "\" (use a number and a unit: ms, s, m, h, d, w, y, e.g. 30s or 1h30m)");
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String group = m.group(i + 1);
            if (group != null) {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
            }
        }
        return Duration.ofMillis(millis);
    }

    /** Formats a duration the way Prometheus prints one: {@code 1h30m}, {@code 15s}, {@code 0s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            long count = millis / UNIT_MILLIS[i];
            if (count > 0) {
                out.append(count).append(units[i]);
                millis -= count * UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
