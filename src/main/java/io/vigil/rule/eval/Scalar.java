package io.vigil.rule.eval;

/** A single number. */
public record Scalar(double value) implements Value {
}
