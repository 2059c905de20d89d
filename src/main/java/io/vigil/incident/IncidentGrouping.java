package io.vigil.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.vigil.notify.config.RouteConfig;
import io.vigil.sample.Labels;

/**
 * Groups alerts into incidents: by {@code incidents.group_by} when it is set, else as the alert's notifications are
 * grouped, by the group_by of the first route it takes, so that one notification group is one incident.
 */
public final class IncidentGrouping {

    private final Optional<List<String>> groupBy;
    private final RouteConfig root;

    public IncidentGrouping(Optional<List<String>> groupBy, RouteConfig root) {
        this.groupBy = groupBy.map(names -> List.copyOf(new TreeSet<>(names)));
        this.root = root;
    }

    public IncidentGroup groupOf(Labels labels) {
        if (groupBy.isPresent()) {
            Map<String, String> kept = present(labels, groupBy.get());
            return new IncidentGroup(format(kept), kept);
        }
        RouteConfig route = firstMatch(root, labels);
        if (route == null) {
            // The root route matches every alert in Alertmanager; a root with matchers is the only way here.
            route = root;
        }
        Map<String, String> kept = route.groupByAll() ? labels.toMap()
                : present(labels, List.copyOf(new TreeSet<>(route.groupBy())));
        return new IncidentGroup(route.path() + ":" + format(kept), kept);
    }

    /** Alertmanager's route matching, depth first: the first route it is delivered through. */
    private static RouteConfig firstMatch(RouteConfig route, Labels labels) {
        if (!route.matchers().stream().allMatch(m -> m.matches(labels))) {
            return null;
        }
        for (RouteConfig child : route.routes()) {
            RouteConfig match = firstMatch(child, labels);
            if (match != null) {
                return match;
            }
        }
        return route;
    }

    private static Map<String, String> present(Labels labels, List<String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            String value = labels.get(name);
            if (value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static String format(Map<String, String> labels) {
        return Labels.of(labels).toString();
    }
}
