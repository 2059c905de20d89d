package io.vigil.probe.statuspage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Atlassian Statuspage's {@code /api/v2/summary.json}: {@code status.indicator} for the page and a flat
 * {@code components} list in which groups are containers ({@code "group": true}) that their members name through
 * {@code group_id}.
 */
final class StatuspageSummary {

    private StatuspageSummary() {
    }

    static PageStatus read(JsonNode body) throws ProbeFailure {
        Indicator indicator = Indicator.ofStatuspage(text(body.path("status"), "indicator"));
        Map<String, String> groupNames = new HashMap<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        for (JsonNode component : body.path("components")) {
            if (component.path("group").asBoolean(false)) {
                groupNames.put(text(component, "id"), text(component, "name"));
            } else if (text(component, "name") != null) {
                nameCounts.merge(text(component, "name"), 1, Integer::sum);
            }
        }
        Map<String, Boolean> up = new LinkedHashMap<>();
        for (JsonNode component : body.path("components")) {
            String name = text(component, "name");
            // a group's status only repeats its worst member's, and the members are exported themselves
            if (component.path("group").asBoolean(false) || name == null) {
                continue;
            }
            String group = groupNames.get(text(component, "group_id"));
            // pages reuse names across groups ("API" under "US" and under "EU"); one series each, not a clash
            String label = nameCounts.get(name) > 1 && group != null ? group + " / " + name : name;
            up.merge(label, "operational".equals(text(component, "status")), Boolean::logicalAnd);
        }
        return new PageStatus(indicator, up);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
