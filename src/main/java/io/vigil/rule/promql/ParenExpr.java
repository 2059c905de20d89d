package io.vigil.rule.promql;

import java.util.Objects;

/** An expression in parentheses; kept in the tree so that printing reproduces what was written. */
public record ParenExpr(Expr expr) implements Expr {

    public ParenExpr {
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
