package io.vigil.rule.promtool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.sample.Staleness;

/**
 * promtool's expanding notation for input series values: {@code 1+2x3} is {@code 1 3 5 7},
 * {@code 5-1x2} is {@code 5 4 3}, {@code 7x2} is {@code 7 7 7}, {@code _} is a missing sample,
 * {@code _x3} three of them, {@code stale} a staleness marker.
 */
final class SeriesNotation {

    private static final Pattern EXPANDING = Pattern.compile("^(.+?)(?:([+-])(.+?))?x(\\d+)$");

    private SeriesNotation() {
    }

    /** One entry per step; null where a sample is missing. */
    static List<Double> expand(String values) {
        List<Double> out = new ArrayList<>();
        for (String item : values.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("_")) {
                out.add(null);
            } else if (item.equals("stale")) {
                out.add(Staleness.MARKER);
            } else if (item.startsWith("_x")) {
                for (int i = 0; i < Integer.parseInt(item.substring(2)); i++) {
                    out.add(null);
                }
            } else {
                Matcher m = EXPANDING.matcher(item);
                if (m.matches() && !isNumber(item)) {
                    double start = number(m.group(1));
                    double step = m.group(2) == null ? 0 : ("-".equals(m.group(2)) ? -1 : 1) * number(m.group(3));
                    int times = Integer.parseInt(m.group(4));
                    for (int i = 0; i <= times; i++) {
                        out.add(start + i * step);
                    }
                } else {
                    out.add(number(item));
                }
            }
        }
        return out;
    }

    private static boolean isNumber(String text) {
        try {
            number(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static double number(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
