package io.vigil.rule.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens, number values and durations as Prometheus's lexer produces them. */
class LexerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sum BY (job) (x)          | AGGREGATOR:sum BY:BY LEFT_PAREN:( IDENTIFIER:job RIGHT_PAREN:) LEFT_PAREN:( IDENTIFIER:x RIGHT_PAREN:)",
        "foo:bar_total offset 5m   | METRIC_IDENTIFIER:foo:bar_total OFFSET:offset DURATION:5m",
        ":recorded                 | METRIC_IDENTIFIER::recorded",
        "a AND b Or c unless d     | IDENTIFIER:a LAND:AND IDENTIFIER:b LOR:Or IDENTIFIER:c LUNLESS:unless IDENTIFIER:d",
        "x > bool on(a) group_left | IDENTIFIER:x GTR:> BOOL:bool ON:on LEFT_PAREN:( IDENTIFIER:a RIGHT_PAREN:) GROUP_LEFT:group_left",
        "a==b!=c<=d>=e<f>g         | IDENTIFIER:a EQLC:== IDENTIFIER:b NEQ:!= IDENTIFIER:c LTE:<= IDENTIFIER:d GTE:>= IDENTIFIER:e LSS:< IDENTIFIER:f GTR:> IDENTIFIER:g",
        "1 + 2.5 - .5e3 * 0x1F / Inf % NaN ^ 1_000 | NUMBER:1 ADD:+ NUMBER:2.5 SUB:- NUMBER:.5e3 MUL:* NUMBER:0x1F DIV:/ NUMBER:Inf MOD:% NUMBER:NaN POW:^ NUMBER:1_000",
        "5m 1h30m 500ms 1y2w3d4h5m6s7ms | DURATION:5m DURATION:1h30m DURATION:500ms DURATION:1y2w3d4h5m6s7ms",
        "{by=\"x\", offset!~`y`, a=~'z'} | LEFT_BRACE:{ IDENTIFIER:by EQL:= STRING:\"x\" COMMA:, IDENTIFIER:offset NEQ_REGEX:!~ STRING:`y` COMMA:, IDENTIFIER:a EQL_REGEX:=~ STRING:'z' RIGHT_BRACE:}",
        "foo[5m:1m]                | IDENTIFIER:foo LEFT_BRACKET:[ DURATION:5m COLON:: DURATION:1m RIGHT_BRACKET:]",
        "foo # comment ( ignored   | IDENTIFIER:foo",
        "nan_total infinity        | IDENTIFIER:nan_total IDENTIFIER:infinity"
    })
    void splitsIntoTokens(String input, String expected) {
        assertThat(tokens(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | 1", "0.5 | 0.5", ".5 | 0.5", "5. | 5", "1e3 | 1000", "1E-3 | 0.001", "0x1F | 31", "0Xff | 255",
        "0755 | 493", "09 | 9", "0 | 0", "1_000_000 | 1000000", "Inf | Infinity", "INF | Infinity", "NaN | NaN",
        "18446744073709551616 | 1.8446744073709552E19"
    })
    void readsNumberValuesAsGoDoes(String text, Double expected) {
        assertThat(NumberScanner.value(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | PT0S", "5m | PT5M", "1h30m | PT1H30M", "500ms | PT0.5S", "2d | PT48H", "1w | PT168H",
        "1y | PT8760H", "1m30s250ms | PT1M30.25S"
    })
    void parsesDurations(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30m1h | not a valid duration string: \"30m1h\"", "5x | unknown unit \"x\" in duration \"5x\"",
        "1m1m | not a valid duration string: \"1m1m\"", "m | not a valid duration string: \"m\"",
        "5 | not a valid duration string: \"5\"", "'' | empty duration string"
    })
    void rejectsDurationsAsPrometheusDoes(String text, String message) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PT0S | 0s", "PT15S | 15s", "PT1H30M | 1h30m", "PT0.25S | 250ms", "PT48H | 2d", "PT168H | 1w",
        "PT192H | 8d", "PT2160H | 90d", "PT8760H | 1y", "PT8784H | 366d", "PT-5M | -5m"
    })
    void formatsDurationsAsPrometheusPrints(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    private static String tokens(String input) {
        Lexer lexer = new Lexer(input);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.next(); t.type() != TokenType.EOF; t = lexer.next()) {
            out.add(t.type() + ":" + t.text());
        }
        return String.join(" ", out);
    }
}
