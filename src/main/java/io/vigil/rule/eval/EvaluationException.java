package io.vigil.rule.eval;

/** An expression that parsed but cannot be evaluated on this data (e.g. duplicate series in a match). */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message, null, false, false);
    }
}
