package io.vigil.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.notify.config.IntegrationConfig;

/**
 * What the dispatcher decided to send to one integration of a receiver at a flush: the group's alerts (already
 * without silenced, inhibited and, when the integration does not send resolved alerts, resolved ones) and why.
 * Delivery commits it, with {@link #logEntry()}, to the outbox in one transaction.
 *
 * @param groupKey Alertmanager's group key, e.g. {@code {}/{severity="critical"}:{alertname="Down"}}
 * @param reason   Alertmanager's {@code notification_reason}: {@code first_notification}, {@code new_alerts_added},
 *                 {@code some_alerts_resolved}, {@code all_alerts_resolved}, {@code repeat_interval_elapsed}
 * @param logEntry what the notification log holds for this group and integration once this is committed; null for
 *                 an incident's escalation, which belongs to no group's log
 */
public record Notification(String groupKey, String receiver, IntegrationConfig integration,
        Map<String, String> groupLabels, List<NotifiableAlert> alerts, String reason, Instant at,
        NotificationLogEntry logEntry) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /** Firing when any alert is firing at {@link #at()}, as Alertmanager's {@code .Status}. */
    public boolean firing() {
        return alerts.stream().anyMatch(a -> !a.resolvedAt(at));
    }
}
