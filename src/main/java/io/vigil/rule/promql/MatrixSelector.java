package io.vigil.rule.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A range vector selector, e.g. {@code errors_total[5m] offset 1h}; the offset lives on the inner
 * {@link #vector()}. The range is always positive.
 */
public record MatrixSelector(VectorSelector vector, Duration range) implements Expr {

    public MatrixSelector {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(range, "range");
    }

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
