package io.vigil.rule.promql;

import java.util.Objects;

/**
 * A binary operation. {@link #matching()} is present exactly when both sides are instant vectors;
 * for {@code and}, {@code or} and {@code unless} it is always many-to-many. {@link #returnBool()}
 * is the {@code bool} modifier of a comparison.
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching)
        implements Expr {

    public BinaryExpr {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        boolean vectors = lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR;
        if (vectors != (matching != null)) {
            throw new IllegalArgumentException("vector matching must be given exactly when both sides are vectors");
        }
    }

    /** Scalar when both sides are scalars, an instant vector otherwise. */
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
