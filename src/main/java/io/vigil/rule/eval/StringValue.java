package io.vigil.rule.eval;

/** A string literal's value. */
public record StringValue(String value) implements Value {
}
