package io.vigil.incident;

import java.util.Map;

/**
 * Which incident an alert belongs to.
 *
 * @param key         equal for alerts of the same incident; the route's path is part of it when grouping follows
 *                    the routing, as it is of Alertmanager's group key
 * @param groupLabels the grouping labels and their values, shown with the incident
 */
public record IncidentGroup(String key, Map<String, String> groupLabels) {

    public IncidentGroup {
        groupLabels = Map.copyOf(groupLabels);
    }
}
