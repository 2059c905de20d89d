package io.vigil.rule.eval;

/** What a PromQL expression evaluates to. */
public sealed interface Value permits Scalar, InstantVector, RangeVector, StringValue {
}
