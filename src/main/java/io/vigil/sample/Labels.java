package io.vigil.sample;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable label set, sorted by name as Prometheus keeps them, so equal sets compare and hash
 * equal whatever order they were built in. Stored as two arrays to keep a series' key small.
 */
public final class Labels implements Comparable<Labels> {

    /** The label PromQL keeps a series' metric name in. */
    public static final String METRIC_NAME = "__name__";

    private static final java.util.regex.Pattern VALID_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private final int hash;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    public static Labels of(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, String> sorted = new TreeMap<>(labels);
        return new Labels(sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new));
    }

    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    /** Whether {@code name} is a valid Prometheus label name. */
    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return values[index];
    }

    /** The value of {@code name}, or null when absent. */
    public String get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i < 0 ? null : values[i];
    }

    /** These labels with {@code other}'s added; on a clash {@code other} wins. */
    public Labels with(Labels other) {
        if (other.names.length == 0) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(toMap());
        merged.putAll(other.toMap());
        return of(merged);
    }

    /** These labels without {@code dropped}. */
    public Labels without(Collection<String> dropped) {
        Map<String, String> kept = toMap();
        kept.keySet().removeAll(dropped);
        return kept.size() == names.length ? this : of(kept);
    }

    /** Only those of these labels named in {@code kept}. */
    public Labels only(Collection<String> kept) {
        Map<String, String> map = toMap();
        map.keySet().retainAll(kept);
        return map.size() == names.length ? this : of(map);
    }

    /** These labels with {@code name} set to {@code value}; an empty value removes the label, as in Prometheus. */
    public Labels with(String name, String value) {
        Map<String, String> map = toMap();
        if (value == null || value.isEmpty()) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
        return of(map);
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && hash == other.hash
                && Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Labels other) {
        int n = Math.min(names.length, other.names.length);
        for (int i = 0; i < n; i++) {
            int c = names[i].compareTo(other.names[i]);
            if (c != 0) {
                return c;
            }
            c = values[i].compareTo(other.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.length, other.names.length);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return out.append('}').toString();
    }
}
