package io.vigil.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code groups[]} entry of a rule file. {@code interval} is null when the file leaves it to
 * {@code global.evaluation_interval}.
 */
public record RuleGroupDefinition(String file, String name, Duration interval, Duration queryOffset, int limit,
        Map<String, String> labels, List<RuleDefinition> rules) {

    public RuleGroupDefinition {
        labels = Map.copyOf(labels);
        rules = List.copyOf(rules);
    }
}
