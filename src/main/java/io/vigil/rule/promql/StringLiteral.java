package io.vigil.rule.promql;

import java.util.Objects;

/** A string, with its escapes already resolved. */
public record StringLiteral(String value) implements Expr {

    public StringLiteral {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
