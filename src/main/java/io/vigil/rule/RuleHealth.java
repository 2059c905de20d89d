package io.vigil.rule;

import java.time.Instant;

/** How a rule's last evaluation went, as /api/v1/rules reports it. */
public record RuleHealth(Status status, Instant lastEvaluation, double evaluationSeconds, String lastError) {

    public static final RuleHealth UNKNOWN = new RuleHealth(Status.UNKNOWN, null, 0, null);

    /** Prometheus's rule health values. */
    public enum Status {
        OK,
        ERR,
        UNKNOWN
    }
}
