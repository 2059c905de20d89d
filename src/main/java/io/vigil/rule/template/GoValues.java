package io.vigil.rule.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How Go values are held while a template runs. A Go {@code string} is a {@link String}, {@code int} a {@link Long},
 * {@code float64} a {@link Double}, {@code bool} a {@link Boolean}; maps, structs and slices have records below; Java
 * {@code null} is Go's "no value" (an invalid reflect.Value or nil interface).
 */
final class GoValues {

    /** Go sorts string map keys bytewise, which is code point order, not Java's UTF-16 order. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** Markers that are not values: an absent pipeline argument, and a nil interface{} read from a map. */
    enum Marker { MISSING, NIL_INTERFACE }

    /** A map with string keys; {@code stringValued} tells map[string]string (missing key: "") from map[string]any. */
    record GoMap(SortedMap<String, Object> entries, boolean stringValued) {
        String typeName() {
            return stringValued ? "map[string]string" : "map[string]interface {}";
        }
    }

    /** A struct; fields print in declaration order, which the map keeps. */
    record GoStruct(String typeName, SequencedMap<String, Object> fields) {
    }

    /** A slice of arbitrary values. */
    record GoSlice(List<Object> elements) {
    }

    private GoValues() {
    }

    static GoMap stringMap(Map<String, String> labels) {
        TreeMap<String, Object> entries = new TreeMap<>(KEY_ORDER);
        if (labels != null) {
            entries.putAll(labels);
        }
        return new GoMap(entries, true);
    }

    /** Converts plain Java data (maps, lists, boxed numbers) to the executor's values. */
    static Object fromJava(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Boolean b -> b;
            case GoMap m -> m;
            case GoStruct s -> s;
            case GoSlice s -> s;
            case Map<?, ?> map -> {
                TreeMap<String, Object> entries = new TreeMap<>(KEY_ORDER);
                boolean strings = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Object v = fromJava(e.getValue());
                    strings &= v instanceof String;
                    entries.put(String.valueOf(e.getKey()), v);
                }
                yield new GoMap(entries, strings && !map.isEmpty());
            }
            case Collection<?> list -> new GoSlice(list.stream().map(GoValues::fromJava).toList());
            case Object[] array -> fromJava(List.of(array));
            default -> throw new IllegalArgumentException("no template value for " + value.getClass().getName());
        };
    }

    static GoStruct struct(String typeName, Object... namesAndValues) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new GoStruct(typeName, fields);
    }

    /** Go's reflect type name, as it appears in error messages and {@code %T}. */
    static String typeName(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case String s -> "string";
            case Long l -> "int";
            case Double d -> "float64";
            case Boolean b -> "bool";
            case GoMap m -> m.typeName();
            case GoStruct s -> s.typeName();
            case GoSlice s -> "[]interface {}";
            case Marker m -> "interface {}";
            default -> value.getClass().getSimpleName();
        };
    }

    /** Go's template truth: the zero value of any type, and empty collections, are false. */
    static boolean truth(Object value) {
        return switch (value) {
            case null -> false;
            case String s -> !s.isEmpty();
            case Long l -> l != 0;
            case Double d -> d != 0;
            case Boolean b -> b;
            case GoMap m -> !m.entries().isEmpty();
            case GoSlice s -> !s.elements().isEmpty();
            case Marker m -> false;
            default -> true;
        };
    }

    /** A nil interface read out of a map behaves as no value once the pipeline is done with it. */
    static Object unwrap(Object value) {
        return value == Marker.NIL_INTERFACE ? null : value;
    }
}
