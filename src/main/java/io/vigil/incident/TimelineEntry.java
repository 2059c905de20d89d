package io.vigil.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an incident's story.
 *
 * @param kind   what happened, in the past tense: {@code alert_fired}, {@code notification_sent},
 *               {@code acknowledged}...
 * @param actor  who did it: {@code rule:<alertname>}, {@code user:<name>} or {@code system}
 * @param detail what there is to know about it; keys and values are JSON-friendly
 */
public record TimelineEntry(Instant at, String kind, String actor, Map<String, Object> detail) {

    public static final String ALERT_FIRED = "alert_fired";
    public static final String ALERT_RESOLVED = "alert_resolved";
    /** A delivery attempt that reached its receiver. */
    public static final String NOTIFICATION_SENT = "notification_sent";
    /** A delivery attempt that did not; its detail says whether it is retried ({@code retrying}) or given up. */
    public static final String NOTIFICATION_FAILED = "notification_failed";
    public static final String SILENCED = "silenced";
    public static final String INHIBITED = "inhibited";
    public static final String MUTED = "muted";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String COMMENTED = "commented";
    public static final String ESCALATED = "escalated";
    public static final String DEPLOYED = "deployed";
    public static final String REOPENED = "reopened";
    public static final String RESOLVED = "resolved";

    public static final String SYSTEM = "system";

    public TimelineEntry {
        // Null values stay out: a detail says what is known, not what is not.
        Map<String, Object> kept = new LinkedHashMap<>();
        detail.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        detail = Collections.unmodifiableMap(kept);
    }

    public static String user(String name) {
        return "user:" + name;
    }

    public static String rule(String alertname) {
        return "rule:" + alertname;
    }
}
