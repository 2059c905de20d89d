package io.vigil.rule.promql;

import static io.vigil.rule.promql.AggregateOp.AVG;
import static io.vigil.rule.promql.AggregateOp.BOTTOMK;
import static io.vigil.rule.promql.AggregateOp.COUNT;
import static io.vigil.rule.promql.AggregateOp.COUNT_VALUES;
import static io.vigil.rule.promql.AggregateOp.GROUP;
import static io.vigil.rule.promql.AggregateOp.MAX;
import static io.vigil.rule.promql.AggregateOp.MIN;
import static io.vigil.rule.promql.AggregateOp.QUANTILE;
import static io.vigil.rule.promql.AggregateOp.STDDEV;
import static io.vigil.rule.promql.AggregateOp.STDVAR;
import static io.vigil.rule.promql.AggregateOp.SUM;
import static io.vigil.rule.promql.AggregateOp.TOPK;
import static io.vigil.rule.promql.Ast.agg;
import static io.vigil.rule.promql.Ast.bin;
import static io.vigil.rule.promql.Ast.braces;
import static io.vigil.rule.promql.Ast.by;
import static io.vigil.rule.promql.Ast.call;
import static io.vigil.rule.promql.Ast.eq;
import static io.vigil.rule.promql.Ast.matching;
import static io.vigil.rule.promql.Ast.matrix;
import static io.vigil.rule.promql.Ast.neq;
import static io.vigil.rule.promql.Ast.num;
import static io.vigil.rule.promql.Ast.sel;
import static io.vigil.rule.promql.Ast.str;
import static io.vigil.rule.promql.Ast.without;
import static io.vigil.rule.promql.BinaryOp.ADD;
import static io.vigil.rule.promql.BinaryOp.AND;
import static io.vigil.rule.promql.BinaryOp.DIV;
import static io.vigil.rule.promql.BinaryOp.EQ;
import static io.vigil.rule.promql.BinaryOp.GT;
import static io.vigil.rule.promql.BinaryOp.MUL;
import static io.vigil.rule.promql.BinaryOp.OR;
import static io.vigil.rule.promql.BinaryOp.SUB;
import static io.vigil.rule.promql.BinaryOp.UNLESS;
import static io.vigil.rule.promql.VectorMatching.Cardinality.MANY_TO_MANY;
import static io.vigil.rule.promql.VectorMatching.Cardinality.MANY_TO_ONE;
import static io.vigil.rule.promql.VectorMatching.Cardinality.ONE_TO_MANY;
import static io.vigil.rule.promql.VectorMatching.Cardinality.ONE_TO_ONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Aggregations, vector matching and function calls that parse, with the tree they must give. */
class OperatorParsingTest {

    static Stream<Arguments> aggregations() {
        Expr metric = sel("some_metric");
        return Stream.of(
                arguments("sum by (foo)(some_metric)", by(SUM, metric, "foo")),
                arguments("avg by (foo)(some_metric)", by(AVG, metric, "foo")),
                arguments("max by (foo)(some_metric)", by(MAX, metric, "foo")),
                arguments("min(some_metric) by (foo)", by(MIN, metric, "foo")),
                arguments("count(some_metric)", agg(COUNT, metric)),
                arguments("sum without (foo) (some_metric)", without(SUM, metric, "foo")),
                arguments("sum (some_metric) without (foo)", without(SUM, metric, "foo")),
                arguments("SUM BY (foo) (some_metric)", by(SUM, metric, "foo")),
                arguments("stddev(some_metric)", agg(STDDEV, metric)),
                arguments("stdvar by (foo)(some_metric)", by(STDVAR, metric, "foo")),
                arguments("group(some_metric)", agg(GROUP, metric)),
                arguments("sum by ()(some_metric)", agg(SUM, metric)),
                arguments("sum by (foo,bar,)(some_metric)", by(SUM, metric, "foo", "bar")),
                arguments("sum by (foo,)(some_metric)", by(SUM, metric, "foo")),
                arguments("sum without(and, by, avg, count, alert, annotations)(some_metric)",
                        without(SUM, metric, "and", "by", "avg", "count", "alert", "annotations")),
                arguments("sum by (\"foo bar\")({\"some.metric\"})", by(SUM, braces(eq("__name__", "some.metric")), "foo bar")),
                arguments("sum by (\"foo\", bar, 'baz')(some_metric)", by(SUM, metric, "foo", "bar", "baz")),
                arguments("topk(5, some_metric)", agg(TOPK, num(5), metric)),
                arguments("bottomk(2, some_metric)", agg(BOTTOMK, num(2), metric)),
                arguments("quantile(0.9, some_metric)", agg(QUANTILE, num(0.9), metric)),
                arguments("count_values(\"value\", some_metric)", agg(COUNT_VALUES, str("value"), metric)),
                arguments("sum(rate(x[5m])) by (job)", by(SUM, call(Function.RATE, matrix(sel("x"), "5m")), "job")));
    }

    static Stream<Arguments> vectorMatching() {
        Expr foo = sel("foo");
        Expr bar = sel("bar");
        return Stream.of(
                arguments("foo * bar", bin(MUL, foo, bar, VectorMatching.oneToOne())),
                arguments("foo == 1", new BinaryExpr(EQ, foo, num(1), false, null)),
                arguments("foo == bool 1", new BinaryExpr(EQ, foo, num(1), true, null)),
                arguments("2.5 / bar", new BinaryExpr(DIV, num(2.5), bar, false, null)),
                arguments("foo and bar", bin(AND, foo, bar, VectorMatching.manyToMany())),
                arguments("foo or bar", bin(OR, foo, bar, VectorMatching.manyToMany())),
                arguments("foo unless bar", bin(UNLESS, foo, bar, VectorMatching.manyToMany())),
                arguments("foo AND bar", bin(AND, foo, bar, VectorMatching.manyToMany())),
                arguments("foo > bool on(a) bar", new BinaryExpr(GT, foo, bar, true,
                        matching(ONE_TO_ONE, true, List.of("a"), List.of()))),
                arguments("bar + on(foo) bla / on(baz, buz) group_right(test) blub", bin(ADD, bar,
                        bin(DIV, sel("bla"), sel("blub"), matching(ONE_TO_MANY, true, List.of("baz", "buz"), List.of("test"))),
                        matching(ONE_TO_ONE, true, List.of("foo"), List.of()))),
                arguments("foo * on(test,blub) bar", bin(MUL, foo, bar, matching(ONE_TO_ONE, true, List.of("test", "blub"), List.of()))),
                arguments("foo * on(test,blub) group_left bar",
                        bin(MUL, foo, bar, matching(MANY_TO_ONE, true, List.of("test", "blub"), List.of()))),
                arguments("foo and on(test,blub) bar",
                        bin(AND, foo, bar, matching(MANY_TO_MANY, true, List.of("test", "blub"), List.of()))),
                arguments("foo and on() bar", bin(AND, foo, bar, matching(MANY_TO_MANY, true, List.of(), List.of()))),
                arguments("foo and ignoring(test,blub) bar",
                        bin(AND, foo, bar, matching(MANY_TO_MANY, false, List.of("test", "blub"), List.of()))),
                arguments("foo and ignoring() bar", bin(AND, foo, bar, VectorMatching.manyToMany())),
                arguments("foo unless on(bar) baz", bin(UNLESS, foo, sel("baz"), matching(MANY_TO_MANY, true, List.of("bar"), List.of()))),
                arguments("foo / on(test,blub) group_left(bar) bar",
                        bin(DIV, foo, bar, matching(MANY_TO_ONE, true, List.of("test", "blub"), List.of("bar")))),
                arguments("foo / ignoring(test,blub) group_left(blub) bar",
                        bin(DIV, foo, bar, matching(MANY_TO_ONE, false, List.of("test", "blub"), List.of("blub")))),
                arguments("foo - on(test,blub) group_right(bar,foo) bar",
                        bin(SUB, foo, bar, matching(ONE_TO_MANY, true, List.of("test", "blub"), List.of("bar", "foo")))),
                arguments("foo - IGNORING(test,blub) GROUP_RIGHT(bar,foo) bar",
                        bin(SUB, foo, bar, matching(ONE_TO_MANY, false, List.of("test", "blub"), List.of("bar", "foo")))));
    }

    static Stream<Arguments> functionCalls() {
        return Stream.of(
                arguments("time()", call(Function.TIME)),
                arguments("floor(some_metric{foo!=\"bar\"})", call(Function.FLOOR, sel("some_metric", neq("foo", "bar")))),
                arguments("rate(some_metric[5m])", call(Function.RATE, matrix(sel("some_metric"), "5m"))),
                arguments("round(some_metric)", call(Function.ROUND, sel("some_metric"))),
                arguments("round(some_metric, 5)", call(Function.ROUND, sel("some_metric"), num(5))),
                arguments("vector(1)", call(Function.VECTOR, num(1))),
                arguments("scalar(foo) * 2", bin(MUL, call(Function.SCALAR, sel("foo")), num(2))),
                arguments("clamp_min(foo, 0)", call(Function.CLAMP_MIN, sel("foo"), num(0))),
                arguments("absent(up{job=\"x\"})", call(Function.ABSENT, sel("up", eq("job", "x")))),
                arguments("time() - 5m", bin(SUB, call(Function.TIME), num(300))),
                arguments("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")",
                        call(Function.LABEL_REPLACE, sel("up"), str("dst"), str("$1"), str("src"), str("(.*)"))));
    }

    @ParameterizedTest
    @MethodSource({"aggregations", "vectorMatching", "functionCalls"})
    void parses(String input, Expr expected) {
        assertThat(PromQL.parse(input)).isEqualTo(expected);
    }
}
