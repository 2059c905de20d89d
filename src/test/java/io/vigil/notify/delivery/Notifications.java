package io.vigil.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.sample.Labels;

/** Notifications as the dispatcher hands them over, for the notifier tests. */
public final class Notifications {

    public static final Instant STARTED = Instant.parse("2026-03-01T10:00:00.250Z");
    public static final Instant FIRING_AT = Instant.parse("2026-03-01T10:00:30Z");
    public static final Instant ENDED = Instant.parse("2026-03-01T10:12:00Z");
    public static final Instant RESOLVED_AT = Instant.parse("2026-03-01T10:12:30Z");
    public static final String EXTERNAL_URL = "https://vigil.example";
    public static final String INCIDENT_URL = "https://vigil.example/incidents/42";
    public static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"InstanceDown\", job=\"api\"}";

    private Notifications() {
    }

    public static NotifiableAlert alert(String instance, Instant endsAt) {
        return new NotifiableAlert(
                Labels.of("alertname", "InstanceDown", "job", "api", "instance", instance, "severity", "critical",
                        "env", "production"),
                Map.of("summary", instance + " is down", "description", "No reply from " + instance + " for 1m"),
                STARTED, endsAt, "http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1", false);
    }

    /** Two alerts of the group firing. */
    public static NotificationData firing() {
        return data(List.of(alert("api-1:8080", null), alert("api-2:8080", null)), "first_notification", FIRING_AT);
    }

    /** The same two alerts, resolved. */
    public static NotificationData resolved() {
        return data(List.of(alert("api-1:8080", ENDED), alert("api-2:8080", ENDED)), "all_alerts_resolved",
                RESOLVED_AT);
    }

    public static NotificationData data(List<NotifiableAlert> alerts, String reason, Instant at) {
        Notification notification = new Notification(GROUP_KEY, "ops-team", null,
                Map.of("job", "api", "alertname", "InstanceDown"), alerts, reason, at, null);
        return NotificationData.of(notification, EXTERNAL_URL, INCIDENT_URL);
    }
}
