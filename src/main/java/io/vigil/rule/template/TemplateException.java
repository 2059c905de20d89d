package io.vigil.rule.template;

/**
 * A template that failed to parse or to execute, with Go's message, e.g.
 * {@code template: __alert_X:1: function "humanise" not defined}.
 */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether parsing or execution failed; Prometheus words its wrapper message differently for each. */
    public enum Phase { PARSE, EXECUTE }

    private final Phase phase;

    TemplateException(Phase phase, String message) {
        // Raised for ordinary bad templates on every evaluation, so skip the stack trace.
        super(message, null, false, false);
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
