package io.vigil.rule.promql;

import static io.vigil.rule.promql.AggregateOp.SUM;
import static io.vigil.rule.promql.Ast.agg;
import static io.vigil.rule.promql.Ast.bin;
import static io.vigil.rule.promql.Ast.braces;
import static io.vigil.rule.promql.Ast.eq;
import static io.vigil.rule.promql.Ast.matrix;
import static io.vigil.rule.promql.Ast.neg;
import static io.vigil.rule.promql.Ast.neq;
import static io.vigil.rule.promql.Ast.nre;
import static io.vigil.rule.promql.Ast.num;
import static io.vigil.rule.promql.Ast.offset;
import static io.vigil.rule.promql.Ast.paren;
import static io.vigil.rule.promql.Ast.re;
import static io.vigil.rule.promql.Ast.sel;
import static io.vigil.rule.promql.Ast.str;
import static io.vigil.rule.promql.BinaryOp.ADD;
import static io.vigil.rule.promql.BinaryOp.AND;
import static io.vigil.rule.promql.BinaryOp.DIV;
import static io.vigil.rule.promql.BinaryOp.EQ;
import static io.vigil.rule.promql.BinaryOp.GT;
import static io.vigil.rule.promql.BinaryOp.LT;
import static io.vigil.rule.promql.BinaryOp.MUL;
import static io.vigil.rule.promql.BinaryOp.OR;
import static io.vigil.rule.promql.BinaryOp.POW;
import static io.vigil.rule.promql.BinaryOp.SUB;
import static io.vigil.rule.promql.BinaryOp.UNLESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Expressions that parse, with the tree they must give; modelled on Prometheus's parse_test.go. */
class ParserTest {

    static Stream<Arguments> numbersAndStrings() {
        return Stream.of(
                arguments("1", num(1)),
                arguments("+Inf", num(Double.POSITIVE_INFINITY)),
                arguments("-Inf", num(Double.NEGATIVE_INFINITY)),
                arguments("NaN", num(Double.NaN)),
                arguments("nan", num(Double.NaN)),
                arguments(".5", num(0.5)),
                arguments("5.", num(5)),
                arguments("123.4567", num(123.4567)),
                arguments("5e-3", num(0.005)),
                arguments("5E3", num(5000)),
                arguments("0xc", num(12)),
                arguments("0X1F", num(31)),
                arguments("0755", num(493)),
                arguments("08", num(8)),
                arguments("1_000", num(1000)),
                arguments("+5.5e-3", num(0.0055)),
                arguments("-0755", num(-493)),
                arguments("5m", num(300)),
                arguments("1h30m", num(5400)),
                arguments("500ms", num(0.5)),
                arguments("\"double-quoted string \\\" with escaped quote\"", str("double-quoted string \" with escaped quote")),
                arguments("'single-quoted string \\' with escaped quote'", str("single-quoted string ' with escaped quote")),
                arguments("`backtick-quoted string`", str("backtick-quoted string")),
                arguments("`raw \\n stays`", str("raw \\n stays")),
                arguments("\"\\a\\b\\f\\n\\r\\t\\v\\\\\"", str("\u0007\b\f\n\r\t\u000B\\")),
                arguments("\"\\x41\\101\\u00e9\\U0001F600\"", str("AAé\uD83D\uDE00")),
                arguments("\"\\xe2\\x98\\xba\"", str("☺")),
                arguments("'é☺'", str("é☺")));
    }

    static Stream<Arguments> precedenceAndAssociativity() {
        return Stream.of(
                arguments("1 + 2 * 3", bin(ADD, num(1), bin(MUL, num(2), num(3)))),
                arguments("1 * 2 + 3", bin(ADD, bin(MUL, num(1), num(2)), num(3))),
                arguments("1 - 2 - 3", bin(SUB, bin(SUB, num(1), num(2)), num(3))),
                arguments("8 / 4 / 2", bin(DIV, bin(DIV, num(8), num(4)), num(2))),
                arguments("2 ^ 3 ^ 2", bin(POW, num(2), bin(POW, num(3), num(2)))),
                arguments("a or b and c", bin(OR, sel("a"), bin(AND, sel("b"), sel("c")))),
                arguments("a and b or c", bin(OR, bin(AND, sel("a"), sel("b")), sel("c"))),
                arguments("a and b unless c", bin(UNLESS, bin(AND, sel("a"), sel("b")), sel("c"))),
                arguments("foo + bar or bla and blub", bin(OR, bin(ADD, sel("foo"), sel("bar")),
                        bin(AND, sel("bla"), sel("blub")))),
                arguments("foo and bar unless baz or qux", bin(OR, bin(UNLESS, bin(AND, sel("foo"), sel("bar")),
                        sel("baz")), sel("qux"))),
                arguments("1 + 2 > bool 3 * 4", bin(GT, bin(ADD, num(1), num(2)), bin(MUL, num(3), num(4)), true)),
                arguments("a > b == bool c", bin(EQ, bin(GT, sel("a"), sel("b")), sel("c"), true)),
                arguments("1 + 2/(3*1)", bin(ADD, num(1), bin(DIV, num(2), paren(bin(MUL, num(3), num(1)))))),
                arguments("1 < bool 2 - 1 * 2", bin(LT, num(1), bin(SUB, num(2), bin(MUL, num(1), num(2))), true)),
                arguments("-1^2", neg(bin(POW, num(1), num(2)))),
                arguments("-1*2", bin(MUL, num(-1), num(2))),
                arguments("-1+2", bin(ADD, num(-1), num(2))),
                arguments("-1^-2", neg(bin(POW, num(1), num(-2)))),
                arguments("+1 + -2 * 1", bin(ADD, num(1), bin(MUL, num(-2), num(1)))),
                arguments("- -1", num(1)),
                arguments("-some_metric", neg(sel("some_metric"))),
                arguments("+some_metric", new UnaryExpr('+', sel("some_metric"))),
                arguments("- -foo", neg(neg(sel("foo")))),
                arguments("-foo ^ 2", neg(bin(POW, sel("foo"), num(2)))),
                arguments("-foo * 2", bin(MUL, neg(sel("foo")), num(2))),
                arguments("2 * -foo", bin(MUL, num(2), neg(sel("foo")))),
                arguments("-(1)", neg(paren(num(1)))),
                arguments("a + b offset 5m", bin(ADD, sel("a"), offset(sel("b"), "5m"))),
                arguments("-foo offset 5m", neg(offset(sel("foo"), "5m"))));
    }

    static Stream<Arguments> selectors() {
        return Stream.of(
                arguments("foo", sel("foo")),
                arguments("min", sel("min")),
                arguments("a + sum", bin(ADD, sel("a"), sel("sum"))),
                arguments("sum(sum)", agg(SUM, sel("sum"))),
                arguments("offset{step=\"1s\"}[5m]", matrix(sel("offset", eq("step", "1s")), "5m")),
                arguments("by", sel("by")),
                arguments("foo:bar{a=\"bc\"}", sel("foo:bar", eq("a", "bc"))),
                arguments("{\"foo\"}", braces(eq("__name__", "foo"))),
                arguments("{'foo\\'bar', 'a\\\\dos\\\\path'='boo\\\\urns'}",
                        braces(eq("__name__", "foo'bar"), eq("a\\dos\\path", "boo\\urns"))),
                arguments("{\"foo\", a=\"bc\"}", braces(eq("__name__", "foo"), eq("a", "bc"))),
                arguments("foo{NaN='bc'}", sel("foo", eq("NaN", "bc"))),
                arguments("foo{bar='}'}", sel("foo", eq("bar", "}"))),
                arguments("foo{by=\"x\", offset=`y`}", sel("foo", eq("by", "x"), eq("offset", "y"))),
                arguments("foo{a=\"b\", foo!=\"bar\", test=~\"test\", bar!~\"baz\"}",
                        sel("foo", eq("a", "b"), neq("foo", "bar"), re("test", "test"), nre("bar", "baz"))),
                arguments("{a=\"b\", foo!=\"bar\", \"foo\", test=~\"test\", bar!~\"baz\"}", braces(eq("a", "b"),
                        neq("foo", "bar"), eq("__name__", "foo"), re("test", "test"), nre("bar", "baz"))),
                arguments("foo{a=\"b\", foo!=\"bar\",}", sel("foo", eq("a", "b"), neq("foo", "bar"))),
                arguments("{__name__=~\"bar\", __name__!~\"baz\"}", braces(re("__name__", "bar"), nre("__name__", "baz"))),
                arguments("{\"bar\", __name__=\"baz\"}", braces(eq("__name__", "bar"), eq("__name__", "baz"))),
                arguments("{\"some.metric\", \"service.name\"=~\"a.*\"}",
                        braces(eq("__name__", "some.metric"), re("service.name", "a.*"))),
                arguments("foo # a comment\n + bar # another", bin(ADD, sel("foo"), sel("bar"))),
                arguments("foo{job=\"a\" # comment\n}", sel("foo", eq("job", "a"))),
                arguments("foo offset 5m", offset(sel("foo"), "5m")),
                arguments("foo offset -7m", offset(sel("foo"), "-7m")),
                arguments("foo OFFSET 1h30m", offset(sel("foo"), "1h30m")),
                arguments("foo OFFSET 1m30ms", offset(sel("foo"), "1m30ms")),
                arguments("foo offset 90", offset(sel("foo"), "1m30s")),
                arguments("test[1000ms]", matrix(sel("test"), "1s")),
                arguments("test[5s]", matrix(sel("test"), "5s")),
                arguments("foo[5m30s]", matrix(sel("foo"), "5m30s")),
                arguments("foo[ 5m ]", matrix(sel("foo"), "5m")),
                arguments("test[5]", matrix(sel("test"), "5s")),
                arguments("foo[4.18]", matrix(sel("foo"), "4s180ms")),
                arguments("test[5h] OFFSET 5m", matrix(offset(sel("test"), "5m"), "5h")),
                arguments("test[5d] OFFSET 10s", matrix(offset(sel("test"), "10s"), "5d")),
                arguments("test[5w] offset 2w", matrix(offset(sel("test"), "2w"), "5w")),
                arguments("test{a=\"b\"}[5y] OFFSET 3d", matrix(offset(sel("test", eq("a", "b")), "3d"), "5y")),
                arguments("test{a=\"b\"}[5m] OFFSET 3600", matrix(offset(sel("test", eq("a", "b")), "1h"), "5m")));
    }

    /** Every expression above, for the printer's round trip. */
    static Stream<String> validInputs() {
        return Stream.of(numbersAndStrings(), precedenceAndAssociativity(), selectors(),
                        OperatorParsingTest.aggregations(), OperatorParsingTest.vectorMatching(), OperatorParsingTest.functionCalls())
                .flatMap(s -> s)
                .map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest
    @MethodSource({"numbersAndStrings", "precedenceAndAssociativity", "selectors"})
    void parses(String input, Expr expected) {
        assertThat(PromQL.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | SCALAR", "-(1) | SCALAR", "1 + 1 | SCALAR", "time() | SCALAR", "scalar(foo) | SCALAR",
        "foo | VECTOR", "-foo | VECTOR", "(foo) | VECTOR", "foo + 1 | VECTOR", "1 + foo | VECTOR",
        "sum(foo) | VECTOR", "vector(1) | VECTOR", "rate(foo[1m]) | VECTOR", "foo > bool 1 | VECTOR",
        "foo[5m] | MATRIX", "foo[5m] offset 1m | MATRIX", "\"s\" | STRING"
    })
    void typesAsPrometheusDoes(String input, ValueType type) {
        assertThat(PromQL.parse(input).type()).isEqualTo(type);
    }
}
