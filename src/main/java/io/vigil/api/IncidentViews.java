package io.vigil.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vigil.incident.Incident;
import io.vigil.incident.IncidentAlert;
import io.vigil.incident.TimelineEntry;

/** Incidents as the API shows them (CONTRACT section 6). */
final class IncidentViews {

    private IncidentViews() {
    }

    /**
     * An incident; {@code timeline} only when one incident is asked for, as lists would grow with every attempt.
     *
     * @param alerts every alert that joined it, firing or resolved
     */
    public record IncidentView(long id, String status, String title, Map<String, String> groupLabels,
            Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
            List<AlertView> alerts, @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline) {
    }

    /**
     * An alert of an incident.
     *
     * @param state {@code firing} or {@code resolved}
     * @param value the rule's value when it fired; absent for alerts posted to {@code /api/v2/alerts}
     */
    public record AlertView(String fingerprint, Map<String, String> labels, Map<String, String> annotations,
            String state, Double value, Instant firedAt, Instant resolvedAt) {
    }

    static IncidentView of(Incident incident, List<TimelineEntry> timeline) {
        return new IncidentView(incident.id(), incident.status().wire(), incident.title(), incident.groupLabels(),
                incident.openedAt(), incident.acknowledgedAt(), incident.acknowledgedBy(), incident.resolvedAt(),
                incident.resolvedBy(), incident.alerts().stream().map(IncidentViews::alert).toList(), timeline);
    }

    private static AlertView alert(IncidentAlert alert) {
        return new AlertView(alert.fingerprint(), alert.labels().toMap(), alert.annotations(),
                alert.firing() ? "firing" : "resolved", alert.value(), alert.firedAt(), alert.resolvedAt());
    }
}
