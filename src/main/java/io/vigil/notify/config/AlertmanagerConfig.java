package io.vigil.notify.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated Alertmanager configuration file (the subset of CONTRACT section 4). Values a child inherits
 * (route timers, group_by, receiver) and integration defaults taken from {@code global} (SMTP settings, Slack URL)
 * are already resolved, so readers never look anything up in a parent.
 *
 * @param source        the file, as shown in messages
 * @param receivers     by name, in file order
 * @param timeIntervals by name
 */
public record AlertmanagerConfig(String source, AlertmanagerGlobal global, RouteConfig route,
        Map<String, ReceiverConfig> receivers, List<InhibitRuleConfig> inhibitRules,
        Map<String, TimeIntervalConfig> timeIntervals) {

    public AlertmanagerConfig {
        receivers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(receivers));
        inhibitRules = List.copyOf(inhibitRules);
        timeIntervals = Map.copyOf(timeIntervals);
    }

    public Optional<ReceiverConfig> receiver(String name) {
        return Optional.ofNullable(receivers.get(name));
    }
}
