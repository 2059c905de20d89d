package io.vigil.rule.promql;

/** A number, e.g. {@code 0.5}, {@code 0x1F}, {@code -Inf}, or a duration like {@code 5m} in seconds. */
public record NumberLiteral(double value) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
