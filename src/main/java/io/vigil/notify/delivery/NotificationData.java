package io.vigil.notify.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;

/**
 * What notification templates see: Alertmanager's template data ({@code template.Data}) plus the incident link.
 *
 * @param status      {@code firing} or {@code resolved}
 * @param incidentUrl link to the incident these alerts belong to; null until incidents exist for them
 */
public record NotificationData(String receiver, String status, List<AlertData> alerts, Map<String, String> groupLabels,
        Map<String, String> commonLabels, Map<String, String> commonAnnotations, String externalUrl, String groupKey,
        String notificationReason, String incidentUrl) {

    /** One alert of the notification, as Alertmanager's {@code template.Alert}. */
    public record AlertData(String status, Map<String, String> labels, Map<String, String> annotations,
            Instant startsAt, Instant endsAt, String generatorUrl, String fingerprint) {
    }

    public NotificationData {
        alerts = List.copyOf(alerts);
    }

    public static NotificationData of(Notification notification, String externalUrl, String incidentUrl) {
        Instant at = notification.at();
        List<AlertData> alerts = notification.alerts().stream()
                .map(a -> new AlertData(a.resolvedAt(at) ? "resolved" : "firing", a.labels().toMap(),
                        a.annotations(), a.startsAt(), a.resolvedAt(at) ? a.endsAt() : null, a.generatorUrl(),
                        a.fingerprint()))
                .toList();
        return new NotificationData(notification.receiver(), notification.firing() ? "firing" : "resolved", alerts,
                notification.groupLabels(), common(alerts.stream().map(AlertData::labels).toList()),
                common(alerts.stream().map(AlertData::annotations).toList()), externalUrl, notification.groupKey(),
                notification.reason(), incidentUrl);
    }

    public List<AlertData> firing() {
        return alerts.stream().filter(a -> a.status().equals("firing")).toList();
    }

    public List<AlertData> resolved() {
        return alerts.stream().filter(a -> a.status().equals("resolved")).toList();
    }

    /** The pairs every map has with the same value, as Alertmanager's CommonLabels / CommonAnnotations. */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        if (maps.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new LinkedHashMap<>(maps.getFirst());
        for (Map<String, String> map : maps.subList(1, maps.size())) {
            common.entrySet().removeIf(e -> !e.getValue().equals(map.get(e.getKey())));
        }
        return Map.copyOf(common);
    }
}
