package io.vigil.rule.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expressions Prometheus rejects, with the message and position a rule author sees. Messages follow
 * Prometheus's parse_test.go; positions point at the offending text.
 */
class ParseErrorTest {

    static Stream<Arguments> lexical() {
        return Stream.of(
                arguments("", "1:1: parse error: no expression found in input"),
                arguments("# just a comment\n\n", "1:1: parse error: no expression found in input"),
                arguments(".", "1:1: parse error: unexpected character: '.'"),
                arguments("2.5.", "1:1: parse error: bad number or duration syntax: \"2.5.\""),
                arguments("100..4", "1:1: parse error: bad number or duration syntax: \"100..\""),
                arguments("0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\""),
                arguments("9".repeat(309), "1:1: parse error: error parsing number: value out of range: \"" + "9".repeat(309) + "\""),
                arguments("(1))", "1:4: parse error: unexpected right parenthesis ')'"),
                arguments("((1)", "1:5: parse error: unclosed left parenthesis"),
                arguments("(", "1:2: parse error: unclosed left parenthesis"),
                arguments("foo]", "1:4: parse error: unexpected right bracket ']'"),
                arguments("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
                arguments("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
                arguments("{", "1:2: parse error: unexpected end of input inside braces"),
                arguments("}", "1:1: parse error: unexpected character: '}'"),
                arguments("some{", "1:6: parse error: unexpected end of input inside braces"),
                arguments("some}", "1:5: parse error: unexpected character: '}'"),
                arguments("some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'"),
                arguments("foo{a*\"b\"}", "1:6: parse error: unexpected character inside braces: '*'"),
                arguments("foo{a>=\"b\"}", "1:6: parse error: unexpected character inside braces: '>'"),
                arguments("foo{1}", "1:5: parse error: unexpected character inside braces: '1'"),
                arguments("foo{a!b}", "1:6: parse error: unexpected character after '!' inside braces: 'b'"),
                arguments("foo{{}", "1:5: parse error: unexpected left brace '{'"),
                arguments("sum by (\"foo)(some_metric{})", "1:9: parse error: unterminated quoted string"),
                arguments("\"abc\ndef\"", "1:1: parse error: unterminated quoted string"),
                arguments("`\\``", "1:4: parse error: unterminated raw string"),
                arguments("\"\\", "1:2: parse error: escape sequence not terminated"),
                arguments("\"\\c\"", "1:2: parse error: unknown escape sequence U+0063 'c'"),
                arguments("\"\\x.\"", "1:2: parse error: illegal character U+002E '.' in escape sequence"),
                arguments("'\\\"'", "1:2: parse error: unknown escape sequence U+0022 '\"'"),
                arguments("\"\\ud800\"", "1:2: parse error: escape sequence is an invalid Unicode code point"),
                arguments("\"\\400\"", "1:2: parse error: escape sequence is an invalid Unicode code point"),
                arguments("foo ~ bar", "1:5: parse error: unexpected character: '~'"),
                arguments("foo{a=\"b\"} é", "1:12: parse error: unexpected character: 'é'"));
    }

    static Stream<Arguments> syntax() {
        return Stream.of(
                arguments("1+", "1:3: parse error: unexpected end of input"),
                arguments("1 /", "1:4: parse error: unexpected end of input"),
                arguments("*1", "1:1: parse error: unexpected <op:*>"),
                arguments("*test", "1:1: parse error: unexpected <op:*>"),
                arguments("-=", "1:2: parse error: unexpected \"=\""),
                arguments("++-++-+-+-<", "1:11: parse error: unexpected <op:<>"),
                arguments("e-+=/(0)", "1:4: parse error: unexpected \"=\""),
                arguments("foo bar", "1:5: parse error: unexpected identifier \"bar\""),
                arguments("foo 1", "1:5: parse error: unexpected number \"1\""),
                arguments("on", "1:1: parse error: unexpected <on>"),
                arguments("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
                arguments("foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>"),
                arguments("foo + on(a) bool bar", "1:13: parse error: unexpected <bool>"),
                arguments("some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, expected string"),
                arguments("http_total{a=}", "1:14: parse error: unexpected \"}\" in label matching, expected string"),
                arguments("foo{gibberish}", "1:14: parse error: unexpected \"}\" in label matching, expected label matching operator"),
                arguments("foo{__name__= =}", "1:15: parse error: unexpected \"=\" in label matching, expected string"),
                arguments("foo{,}", "1:5: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
                arguments("foo{__name__ == \"bar\"}", "1:15: parse error: unexpected \"=\" in label matching, expected string"),
                arguments("foo{__name__=\"bar\" lol}",
                        "1:20: parse error: unexpected identifier \"lol\" in label matching, expected \",\" or \"}\""),
                arguments("foo{\"a\"=}", "1:9: parse error: unexpected \"}\" in label matching, expected string"),
                arguments("foo{a=~\"(\"}", "1:5: parse error: error parsing regexp \"(\": Unclosed group"),
                arguments("foo{a=~\"a)|(b\"}", "1:5: parse error: error parsing regexp \"a)|(b\": Unmatched closing ')'"),
                arguments("(1 2)", "1:4: parse error: unexpected number \"2\" in parenthesized expression, expected \")\""),
                arguments("rate(foo[5m] bar)", "1:14: parse error: unexpected identifier \"bar\" in function call, expected \",\" or \")\""));
    }

    static Stream<Arguments> rangesAndOffsets() {
        return Stream.of(
                arguments("foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\""),
                arguments("foo[5m1]", "1:5: parse error: bad number or duration syntax: \"5m1\""),
                arguments("foo[5y1hs]", "1:5: parse error: unknown unit \"hs\" in duration \"5y1hs\""),
                arguments("foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\""),
                arguments("foo[5m1m]", "1:5: parse error: not a valid duration string: \"5m1m\""),
                arguments("foo[1.5m]", "1:5: parse error: unknown unit \".\" in duration \"1.5m\""),
                arguments("foo[0m]", "1:5: parse error: duration must be greater than 0"),
                arguments("foo[-1]", "1:5: parse error: duration must be greater than 0"),
                arguments("foo[\"5m\"]", "1:5: parse error: unexpected character in duration expression: '\"'"),
                arguments("foo[]", "1:5: parse error: unexpected \"]\" in range selector, expected number or duration"),
                arguments("foo[5m", "1:7: parse error: unexpected end of input in duration expression"),
                arguments("foo{bar=\"baz\"}[", "1:16: parse error: unexpected end of input in duration expression"),
                arguments("foo[5m 1m]", "1:8: parse error: unexpected duration \"1m\" in range selector, expected \"]\""),
                arguments("foo[300000000y]", "1:5: parse error: duration out of range"),
                arguments("some_metric[5m] OFFSET 1mm", "1:24: parse error: bad number or duration syntax: \"1mm\""),
                arguments("some_metric[5m] OFFSET", "1:23: parse error: unexpected end of input in offset, expected number or duration"),
                arguments("foo offset bar", "1:12: parse error: unexpected identifier \"bar\" in offset, expected number or duration"),
                arguments("foo offset NaN", "1:12: parse error: duration out of range"),
                arguments("some_metric OFFSET 1m[5m]", "1:22: parse error: no offset modifiers allowed before range"),
                arguments("(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"),
                arguments("sum(foo)[5m]", "1:9: parse error: ranges only allowed for vector selectors"),
                arguments("foo[5m][5m]", "1:8: parse error: ranges only allowed for vector selectors"),
                arguments("1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector"
                        + " or range vector selector"),
                arguments("rate(foo[5m]) offset 1m", "1:1: parse error: offset modifier must be preceded by an instant vector"
                        + " selector or range vector selector"),
                arguments("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
                arguments("foo[5m] offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"));
    }

    static Stream<Arguments> aggregations() {
        return Stream.of(
                arguments("sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, expected label"),
                arguments("sum without(,)(some_metric)", "1:13: parse error: unexpected \",\" in grouping opts, expected label"),
                arguments("sum without(foo,,)(some_metric)", "1:17: parse error: unexpected \",\" in grouping opts, expected label"),
                arguments("sum by (foo bar) (x)",
                        "1:13: parse error: unexpected identifier \"bar\" in grouping opts, expected \",\" or \")\""),
                arguments("sum by (a:b) (x)", "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label"),
                arguments("sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\""),
                arguments("sum (some_metric) by test", "1:22: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\""),
                arguments("sum by (test) some_metric", "1:15: parse error: unexpected identifier \"some_metric\" in aggregation, expected \"(\""),
                arguments("sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided"),
                arguments("MIN keep_common (some_metric)", "1:5: parse error: unexpected identifier \"keep_common\""),
                arguments("MIN (some_metric) keep_common", "1:19: parse error: unexpected identifier \"keep_common\""),
                arguments("sum (some_metric) without (test) by (test)", "1:34: parse error: unexpected <by>"),
                arguments("sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"),
                arguments("topk(some_metric)",
                        "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
                arguments("sum(some_metric, other)",
                        "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"),
                arguments("topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"),
                arguments("topk(some_metric, other_metric)",
                        "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"),
                arguments("count_values(5, other_metric)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
                arguments("sum(1)", "1:5: parse error: expected type instant vector in aggregation expression, got scalar"),
                arguments("max(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
                arguments("limitk(2, foo)", "1:1: parse error: unsupported aggregation \"limitk\""));
    }

    static Stream<Arguments> types() {
        return Stream.of(
                arguments("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
                arguments("1 > 2", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
                arguments("1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
                arguments("1 or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
                arguments("1 unless 1", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression"),
                arguments("foo and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
                arguments("1 unless foo", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression"),
                arguments("1 or on(bar) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
                arguments("foo == on(bar) 10", "1:1: parse error: vector matching only allowed between instant vectors"),
                arguments("foo and on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
                arguments("foo or on(bar) group_right(baz) bar", "1:1: parse error: no grouping allowed for \"or\" operation"),
                arguments("foo unless on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"unless\" operation"),
                arguments("http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count{type=\"smp\"}",
                        "1:35: parse error: label \"instance\" must not occur in ON and GROUP clause at once"),
                arguments("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
                arguments("foo + bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
                arguments("foo and bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
                arguments("\"a\" + \"b\"", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
                arguments("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
                arguments("1 + foo[5m]", "1:5: parse error: binary expression must contain only scalar and instant vector types"),
                arguments("-\"string\"",
                        "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
                arguments("-test[5m]",
                        "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""),
                arguments("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x!~\".+\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x!=\"a\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("rate({x=\"\"}[5m])", "1:6: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""));
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                arguments("floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0"),
                arguments("floor(some_metric, other_metric)", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2"),
                arguments("floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", got scalar"),
                arguments("time(some_metric)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
                arguments("round()", "1:1: parse error: expected at least 1 argument(s) in call to \"round\", got 0"),
                arguments("round(foo, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3"),
                arguments("non_existent_function_far_bar()", "1:1: parse error: unknown function with name \"non_existent_function_far_bar\""),
                arguments("a>b()", "1:3: parse error: unknown function with name \"b\""),
                arguments("RATE(foo[5m])", "1:1: parse error: unknown function with name \"RATE\""),
                arguments("irate(foo[5m])", "1:1: parse error: function \"irate\" is not supported"),
                arguments("rate(some_metric)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
                arguments("rate(avg)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
                arguments("rate(foo[5m] offset 1m + 1)", "1:6: parse error: binary expression must contain only scalar and instant vector types"),
                arguments("clamp_min(x, y)", "1:14: parse error: expected type scalar in call to function \"clamp_min\", got instant vector"),
                arguments("label_replace(up, \"a\", \"b\", \"c\")", "1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 4"),
                arguments("sum(\n  rate(foo)\n)", "2:8: parse error: expected type range vector in call to function \"rate\", got instant vector"));
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                arguments("foo[5m:1m]", "1:7: parse error: subqueries are not supported"),
                arguments("rate(foo[5m])[30m:]", "1:18: parse error: subqueries are not supported"),
                arguments("foo @ 1603774568", "1:5: parse error: the @ modifier is not supported"),
                arguments("foo[5m] @ end()", "1:9: parse error: the @ modifier is not supported"),
                arguments("foo atan2 bar", "1:5: parse error: binary operator \"atan2\" is not supported"),
                arguments("@@", "1:1: parse error: unexpected <op:@>"));
    }

    @ParameterizedTest
    @MethodSource({"lexical", "syntax", "rangesAndOffsets", "aggregations", "types", "functions", "unsupported"})
    void rejects(String input, String message) {
        assertThatThrownBy(() -> PromQL.parse(input)).isInstanceOf(ParseException.class).hasMessage(message);
    }

    @Test
    void exposesWhereTheProblemIs() {
        ParseException e = catchThrowableOfType(ParseException.class, () -> PromQL.parse("sum(\n  rate(foo)\n)"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.position()).isEqualTo(12);
        assertThat(e.endPosition()).isEqualTo(15);
        assertThat(e.detail()).isEqualTo("expected type range vector in call to function \"rate\", got instant vector");
    }

    @Test
    void countsColumnsInCharactersNotBytes() {
        assertThatThrownBy(() -> PromQL.parse("foo{a=\"☺☺\"} + {}"))
                .hasMessage("1:15: parse error: vector selector must contain at least one non-empty matcher");
    }

    @Test
    void refusesNestingTooDeepToParseSafely() {
        String deep = "(".repeat(1000) + "1" + ")".repeat(1000);
        assertThatThrownBy(() -> PromQL.parse(deep)).hasMessageContaining("expression nested too deeply");
    }
}
