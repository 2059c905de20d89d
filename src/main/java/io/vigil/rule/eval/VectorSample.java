package io.vigil.rule.eval;

import io.vigil.sample.Labels;

/** One element of an instant vector: a series' labels (with __name__ where kept) and its value. */
public record VectorSample(Labels labels, double value) {
}
