package io.vigil.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerts about to enter the dispatcher, from the rule engine or {@code /api/v2/alerts}: what incidents are made of.
 * Fired synchronously on the dispatcher thread, so an incident is opened before its first notification is rendered.
 *
 * @param values the rule's value of the alerts that come from a transition, by fingerprint
 */
public record AlertsReceived(List<NotifiableAlert> alerts, Map<String, Double> values, Instant at) {

    public AlertsReceived {
        alerts = List.copyOf(alerts);
        values = Map.copyOf(values);
    }
}
