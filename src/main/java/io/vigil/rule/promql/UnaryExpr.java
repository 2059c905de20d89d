package io.vigil.rule.promql;

import java.util.Objects;

/**
 * Unary {@code -} or {@code +} on an expression that is not a number literal (a signed number is
 * folded into its {@link NumberLiteral}).
 */
public record UnaryExpr(char op, Expr expr) implements Expr {

    public UnaryExpr {
        if (op != '-' && op != '+') {
            throw new IllegalArgumentException("unary operator must be + or -, got " + op);
        }
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
