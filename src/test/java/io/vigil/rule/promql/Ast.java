package io.vigil.rule.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.vigil.rule.promql.VectorMatching.Cardinality;

/** Short builders for the trees the tests expect. */
final class Ast {

    private Ast() {
    }

    static NumberLiteral num(double value) {
        return new NumberLiteral(value);
    }

    static StringLiteral str(String value) {
        return new StringLiteral(value);
    }

    /** A selector with the metric name written outside the braces, its matcher last as the parser puts it. */
    static VectorSelector sel(String name, LabelMatcher... matchers) {
        List<LabelMatcher> all = new ArrayList<>(Arrays.asList(matchers));
        all.add(LabelMatcher.metricName(name));
        return new VectorSelector(name, all, Duration.ZERO);
    }

    /** A selector written only with braces. */
    static VectorSelector braces(LabelMatcher... matchers) {
        return new VectorSelector(null, List.of(matchers), Duration.ZERO);
    }

    static LabelMatcher eq(String name, String value) {
        return new LabelMatcher(LabelMatcher.Type.EQ, name, value);
    }

    static LabelMatcher neq(String name, String value) {
        return new LabelMatcher(LabelMatcher.Type.NEQ, name, value);
    }

    static LabelMatcher re(String name, String value) {
        return new LabelMatcher(LabelMatcher.Type.RE, name, value);
    }

    static LabelMatcher nre(String name, String value) {
        return new LabelMatcher(LabelMatcher.Type.NRE, name, value);
    }

    static VectorSelector offset(VectorSelector selector, String duration) {
        return selector.withOffset(dur(duration));
    }

    static MatrixSelector matrix(VectorSelector selector, String range) {
        return new MatrixSelector(selector, dur(range));
    }

    static Duration dur(String text) {
        return text.startsWith("-") ? Durations.parse(text.substring(1)).negated() : Durations.parse(text);
    }

    /** A binary operation with the matching the parser gives when no modifier is written. */
    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs) {
        return bin(op, lhs, rhs, false);
    }

    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool) {
        boolean vectors = lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR;
        VectorMatching matching = !vectors ? null
                : op.isSetOperator() ? VectorMatching.manyToMany() : VectorMatching.oneToOne();
        return new BinaryExpr(op, lhs, rhs, returnBool, matching);
    }

    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching) {
        return new BinaryExpr(op, lhs, rhs, false, matching);
    }

    static VectorMatching matching(Cardinality card, boolean on, List<String> labels, List<String> include) {
        return new VectorMatching(card, labels, on, include);
    }

    static UnaryExpr neg(Expr expr) {
        return new UnaryExpr('-', expr);
    }

    static ParenExpr paren(Expr expr) {
        return new ParenExpr(expr);
    }

    static AggregateExpr agg(AggregateOp op, Expr expr) {
        return new AggregateExpr(op, expr, null, List.of(), false);
    }

    static AggregateExpr agg(AggregateOp op, Expr param, Expr expr) {
        return new AggregateExpr(op, expr, param, List.of(), false);
    }

    static AggregateExpr by(AggregateOp op, Expr expr, String... labels) {
        return new AggregateExpr(op, expr, null, List.of(labels), false);
    }

    static AggregateExpr without(AggregateOp op, Expr expr, String... labels) {
        return new AggregateExpr(op, expr, null, List.of(labels), true);
    }

    static Call call(Function function, Expr... args) {
        return new Call(function, List.of(args));
    }
}
