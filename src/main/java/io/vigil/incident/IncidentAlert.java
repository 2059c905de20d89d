package io.vigil.incident;

import java.time.Instant;
import java.util.Map;

import io.vigil.sample.Labels;

/**
 * An alert as its incident remembers it.
 *
 * @param value      the rule's value when it fired; null for alerts posted to the API, which carry none
 * @param resolvedAt null while firing
 * @param leaseEndsAt for a firing alert posted to the API: it resolves then unless posted again; null for Vigil's own
 */
public record IncidentAlert(String fingerprint, Labels labels, Map<String, String> annotations, Double value,
        Instant firedAt, Instant resolvedAt, Instant leaseEndsAt) {

    public IncidentAlert {
        annotations = Map.copyOf(annotations);
        if (value != null && !Double.isFinite(value)) {
            value = null;
        }
    }

    public boolean firing() {
        return resolvedAt == null;
    }

    public String alertname() {
        String name = labels.get("alertname");
        return name == null ? "" : name;
    }

    IncidentAlert resolved(Instant at) {
        return new IncidentAlert(fingerprint, labels, annotations, value, firedAt, at, null);
    }

    IncidentAlert leasedUntil(Instant endsAt, Map<String, String> newAnnotations) {
        return new IncidentAlert(fingerprint, labels, newAnnotations, value, firedAt, null, endsAt);
    }
}
