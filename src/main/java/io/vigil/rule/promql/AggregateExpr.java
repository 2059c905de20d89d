package io.vigil.rule.promql;

import java.util.List;
import java.util.Objects;

/**
 * An aggregation, e.g. {@code sum by (job) (x)} or {@code topk(3, x)}. {@link #param()} is present
 * exactly for the operators that take one. {@link #grouping()} lists the {@code by} labels, or the
 * {@code without} labels when {@link #without()}; {@code sum(x)} and {@code sum by () (x)} are equal.
 */
public record AggregateExpr(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without)
        implements Expr {

    public AggregateExpr {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expr, "expr");
        if (op.hasParam() != (param != null)) {
            throw new IllegalArgumentException(op + (op.hasParam() ? " needs a parameter" : " takes no parameter"));
        }
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
