package io.vigil.rule.promql;

import static io.vigil.rule.promql.Ast.bin;
import static io.vigil.rule.promql.Ast.num;
import static io.vigil.rule.promql.Ast.sel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Printing gives Prometheus's canonical text, and that text parses back to the same tree. */
class PrinterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1                                   | 1",
        "1.50                                | 1.5",
        "1e21                                | 1000000000000000000000",
        "1e-7                                | 0.0000001",
        "-Inf                                | -Inf",
        "Inf                                 | +Inf",
        "nan                                 | NaN",
        "-0                                  | -0",
        "0x10                                | 16",
        "'''abc'''                           | \"abc\"",
        "`a\"b\\c`                           | \"a\\\"b\\\\c\"",
        "\"\\x07\\x00\"                      | \"\\a\\x00\"",
        "foo                                 | foo",
        "foo{b=\"2\", a=~\"1\"}              | foo{b=\"2\",a=~\"1\"}",
        "{\"foo\"}                           | {__name__=\"foo\"}",
        "{\"a.b\"=\"c\", x=\"y\"}            | {\"a.b\"=\"c\",x=\"y\"}",
        "foo OFFSET 90m                      | foo offset 1h30m",
        "foo offset -1w                      | foo offset -1w",
        "foo[300s] offset 1d                 | foo[5m] offset 1d",
        "foo[90]                             | foo[1m30s]",
        "a+b*c                               | a + b * c",
        "(a + b) * c                         | (a + b) * c",
        "-a ^ 2                              | -a ^ 2",
        "a > BOOL 1                          | a > bool 1",
        "a / ignoring(x) b                   | a / ignoring (x) b",
        "a / on() b                          | a / on () b",
        "a * on(x, y) group_left b           | a * on (x, y) group_left () b",
        "a - ignoring(x) group_right(z) b    | a - ignoring (x) group_right (z) b",
        "a and ignoring() b                  | a and b",
        "a or on(\"x.y\") b                  | a or on (\"x.y\") b",
        "sum(x) by (job)                     | sum by (job) (x)",
        "SUM WITHOUT (job) (x)               | sum without (job) (x)",
        "sum by () (x)                       | sum(x)",
        "topk(3,x)                           | topk(3, x)",
        "count_values('v', x)                | count_values(\"v\", x)",
        "rate(x[5m])                         | rate(x[5m])",
        "round(x,0.5)                        | round(x, 0.5)",
        "time() - 5m                         | time() - 300"
    })
    void printsCanonicalText(String input, String expected) {
        assertThat(PromQL.parse(input).toString()).isEqualTo(expected);
    }

    static Stream<String> corpus() {
        return Stream.concat(ParserTest.validInputs(), Stream.of(
                "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / ignoring (code) group_left sum by (job) (rate(http_requests_total[5m])) > 0.05",
                "absent_over_time(up{job=\"node\"}[10m]) or vector(0)",
                "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):\\\\d+\")",
                "clamp_max(increase(errors_total[1h] offset 1d), 100) / scalar(sum(up))",
                "-(foo + bar) ^ -2",
                "\"\\u2028\\x7f\\U0010ffff\""));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTrips(String input) {
        Expr parsed = PromQL.parse(input);
        String printed = PromQL.print(parsed);
        assertThat(PromQL.parse(printed)).isEqualTo(parsed);
        assertThat(PromQL.print(PromQL.parse(printed))).isEqualTo(printed);
    }

    static Stream<Arguments> handBuiltTrees() {
        return Stream.of(
                arguments(bin(BinaryOp.MUL, bin(BinaryOp.ADD, num(1), num(2)), num(3)), "(1 + 2) * 3"),
                arguments(bin(BinaryOp.SUB, num(1), bin(BinaryOp.SUB, num(2), num(3))), "1 - (2 - 3)"),
                arguments(bin(BinaryOp.POW, bin(BinaryOp.POW, num(2), num(3)), num(2)), "(2 ^ 3) ^ 2"),
                arguments(bin(BinaryOp.POW, num(2), bin(BinaryOp.POW, num(3), num(2))), "2 ^ 3 ^ 2"),
                arguments(bin(BinaryOp.POW, num(-1), num(2)), "(-1) ^ 2"),
                arguments(bin(BinaryOp.POW, Ast.neg(sel("a")), num(2)), "(-a) ^ 2"),
                arguments(Ast.neg(bin(BinaryOp.ADD, sel("a"), sel("b"))), "-(a + b)"),
                arguments(bin(BinaryOp.AND, sel("a"), bin(BinaryOp.OR, sel("b"), sel("c"))), "a and (b or c)"));
    }

    @ParameterizedTest
    @MethodSource("handBuiltTrees")
    void addsParenthesesWhereHandBuiltTreesNeedThem(Expr tree, String expected) {
        assertThat(tree.toString()).isEqualTo(expected);
        assertThat(PromQL.parse(expected).toString()).isEqualTo(expected);
    }
}
