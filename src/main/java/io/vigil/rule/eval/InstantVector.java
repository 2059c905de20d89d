package io.vigil.rule.eval;

import java.util.List;

/** A set of series, each with one value at the evaluation time. */
public record InstantVector(List<VectorSample> samples) implements Value {

    public static final InstantVector EMPTY = new InstantVector(List.of());

    public InstantVector {
        samples = List.copyOf(samples);
    }
}
