package io.vigil.notify.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/** Values spelt the way Alertmanager spells them on the wire and in its template data. */
public final class AlertmanagerValues {

    /** Go's zero {@code time.Time}, which Alertmanager sends as the end of an alert still firing. */
    public static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final String ALERTNAME = "alertname";
    private static final String REGEXP_META = "\\.+*?()|[]{}^$";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private AlertmanagerValues() {
    }

    /**
     * Go's {@code time.Time} JSON form (RFC 3339 with nanoseconds, trailing zeros dropped) in UTC; a null time is
     * Go's zero time.
     */
    public static String goTime(Instant time) {
        if (time == null) {
            return GO_ZERO_TIME;
        }
        String fraction = "";
        if (time.getNano() != 0) {
            fraction = "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
        }
        return SECONDS.format(time) + fraction + "Z";
    }

    /** RFC 3339 to the second, for people reading a message; null stays empty. */
    public static String readableTime(Instant time) {
        return time == null ? "" : SECONDS.format(time) + "Z";
    }

    /**
     * The order of Alertmanager's {@code KV.SortedPairs}: {@code alertname} first, then the other names sorted.
     * Label names are ASCII, so Java's string order is Go's byte order here.
     */
    public static SequencedMap<String, String> sortedPairs(Map<String, String> kv) {
        List<String> names = new ArrayList<>(kv.keySet());
        names.sort(Comparator.comparing((String name) -> !name.equals(ALERTNAME)).thenComparing(name -> name));
        SequencedMap<String, String> sorted = new LinkedHashMap<>();
        names.forEach(name -> sorted.put(name, kv.get(name)));
        return sorted;
    }

    /** Alertmanager puts the receiver name through {@code regexp.QuoteMeta} before templates and webhooks see it. */
    public static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (REGEXP_META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Alertmanager's wording of a notification reason ({@code first notification}) for Vigil's identifier
     * ({@code first_notification}); empty when none was given.
     */
    public static String reason(String reason) {
        return reason == null ? "" : reason.replace('_', ' ');
    }
}
