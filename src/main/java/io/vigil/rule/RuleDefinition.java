package io.vigil.rule;

import java.time.Duration;
import java.util.Map;

/**
 * One rule of a Prometheus rule file as written: an alerting rule ({@code alert}) or a recording
 * rule ({@code record}), its expression text and where it stands in the file.
 */
public record RuleDefinition(Kind kind, String name, String expr, Duration holdFor, Duration keepFiringFor,
        Map<String, String> labels, Map<String, String> annotations, String file, int line, int exprLine) {

    public enum Kind {
        ALERTING,
        RECORDING
    }

    public RuleDefinition {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }
}
