package io.vigil.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.vigil.sample.Labels;

/**
 * An alert as Alertmanager sees it: a label set with a start and, once known, an end. It comes from Vigil's own rule
 * engine or from {@code POST /api/v2/alerts}.
 *
 * @param endsAt           null while the alert is open-ended; resolved once {@code endsAt <= now}
 * @param endsAtIsTimeout  the end was not given by the sender but set to {@code now + resolve_timeout}; an explicit
 *                         end wins over such one when alerts are merged (Alertmanager {@code alert.Merge})
 */
public record NotifiableAlert(Labels labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
        String generatorUrl, boolean endsAtIsTimeout) {

    public NotifiableAlert {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
    }

    public boolean resolvedAt(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /** A stable identity of the label set, as a 16-digit hex string (Alertmanager shows its fingerprint the same way). */
    public String fingerprint() {
        return fingerprint(labels);
    }

    public static String fingerprint(Labels labels) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < labels.size(); i++) {
            hash = fnv(hash, labels.name(i));
            hash = fnv(hash, labels.value(i));
        }
        return String.format("%016x", hash);
    }

    /** FNV-1a over the UTF-8 bytes, then a 0xff separator: a byte UTF-8 never produces, so "a","bc" != "ab","c". */
    private static long fnv(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (hash ^ 0xff) * 0x100000001b3L;
    }
}
