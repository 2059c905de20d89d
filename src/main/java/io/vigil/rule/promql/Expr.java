package io.vigil.rule.promql;

/**
 * A parsed PromQL expression. The tree is immutable and compares by value; {@code toString()} prints
 * it back as PromQL that parses to an equal tree.
 */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, UnaryExpr, ParenExpr, BinaryExpr,
        AggregateExpr, Call {

    /** The type of value this expression evaluates to, as Prometheus's parser types it. */
    ValueType type();
}
