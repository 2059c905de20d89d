package io.vigil.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text-mode cases of Prometheus' template/template_test.go that do not need PromQL, run the way its test runs
 * them: template name "test", the listed input as data, external URL http://testhost:9090/path/prefix, and errors
 * worded as Prometheus' Expander words them.
 */
class PrometheusTemplateTest {

    private static final String EXTERNAL_URL = "http://testhost:9090/path/prefix";
    private static final long MAX_INT64 = Long.MAX_VALUE;

    static String expand(String text, Object input) {
        GoTemplate template = GoTemplate.parse("test", text);
        try {
            return template.execute(input, EXTERNAL_URL);
        } catch (TemplateException e) {
            String step = e.phase() == TemplateException.Phase.PARSE ? "error parsing" : "error executing";
            return step + " template test: " + e.getMessage();
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("plain text", null, "plain text"),
                Arguments.of("{{ 1 }}", null, "1"),
                Arguments.of("{{\u00a0}}", null,
                        "error parsing template test: template: test:1: unrecognized character in action: U+00A0"),
                Arguments.of("{{ \"<b>\" }}", null, "<b>"),
                Arguments.of("{{define \"x\"}}{{.arg0}} {{.arg1}}{{end}}{{template \"x\" (args 1 \"2\")}}", null, "1 2"),
                Arguments.of("{{ \"foo.example.com\" | stripPort }}", null, "foo.example.com"),
                Arguments.of("{{ \"foo.example.com:12345\" | stripPort }}", null, "foo.example.com"),
                Arguments.of("{{ \"192.0.2.1\" | stripPort }}", null, "192.0.2.1"),
                Arguments.of("{{ \"192.0.2.1:12345\" | stripPort }}", null, "192.0.2.1"),
                Arguments.of("{{ \"2001:0DB8::1\" | stripPort }}", null, "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]:12345\" | stripPort }}", null, "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]::12345\" | stripPort }}", null, "[2001:0DB8::1]::12345"),
                Arguments.of("{{ .Foo }}", null, "<no value>"),
                Arguments.of("{{", null, "error parsing template test: template: test:1: unclosed action"),
                Arguments.of("{{ reReplaceAll \"(a)b\" \"x$1\" \"ab\" }}", null, "xa"),
                Arguments.of("{{ range . }}{{ humanize . }}:{{ end }}", List.of(0.0, 1.0, 1234567.0, .12),
                        "0:1:1.235M:120m:"),
                Arguments.of("{{ range . }}{{ humanize . }}:{{ end }}", List.of("0.0", "1.0", "1234567.0", ".12"),
                        "0:1:1.235M:120m:"),
                Arguments.of("{{ humanize \"one\" }}", null, "error executing template test: template: test:1:3: "
                        + "executing \"test\" at <humanize \"one\">: error calling humanize: strconv.ParseFloat: "
                        + "parsing \"one\": invalid syntax"),
                Arguments.of("{{ range . }}{{ humanize . }}:{{ end }}", List.of(0L, -1L, 1L, 1234567L, MAX_INT64),
                        "0:-1:1:1.235M:9.223E:"),
                Arguments.of("{{ range . }}{{ humanize1024 . }}:{{ end }}", List.of(0.0, 1.0, 1048576.0, .12),
                        "0:1:1Mi:0.12:"),
                Arguments.of("{{ range . }}{{ humanize1024 . }}:{{ end }}", List.of("0.0", "1.0", "1048576.0", ".12"),
                        "0:1:1Mi:0.12:"),
                Arguments.of("{{ humanize1024 \"one\" }}", null, "error executing template test: template: test:1:3: "
                        + "executing \"test\" at <humanize1024 \"one\">: error calling humanize1024: "
                        + "strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ range . }}{{ humanize1024 . }}:{{ end }}", List.of(0L, -1L, 1L, 1234567L, MAX_INT64),
                        "0:-1:1:1.177Mi:8Ei:"),
                Arguments.of("{{ range . }}{{ humanizeDuration . }}:{{ end }}",
                        List.of(0.0, 1.0, 60.0, 3600.0, 86400.0, 86400.0 + 3600, -(86400.0 * 2 + 3600 * 3 + 60 * 4 + 5),
                                899.99),
                        "0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:1d 1h 0m 0s:-2d 3h 4m 5s:14m 59s:"),
                Arguments.of("{{ range . }}{{ humanizeDuration . }}:{{ end }}",
                        List.of("0", "1", "60", "3600", "86400"), "0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:"),
                Arguments.of("{{ range . }}{{ humanizeDuration . }}:{{ end }}",
                        List.of(.1, .0001, .12345, 60.1, 60.5, 1.2345, 12.345),
                        "100ms:100us:123.5ms:1m 0s:1m 0s:1.234s:12.35s:"),
                Arguments.of("{{ range . }}{{ humanizeDuration . }}:{{ end }}",
                        List.of(".1", ".0001", ".12345", "60.1", "60.5", "1.2345", "12.345"),
                        "100ms:100us:123.5ms:1m 0s:1m 0s:1.234s:12.35s:"),
                Arguments.of("{{ humanizeDuration \"one\" }}", null, "error executing template test: template: "
                        + "test:1:3: executing \"test\" at <humanizeDuration \"one\">: error calling humanizeDuration: "
                        + "strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ range . }}{{ humanizeDuration . }}:{{ end }}", List.of(0L, -1L, 1L, 1234567L),
                        "0s:-1s:1s:14d 6h 56m 7s:"),
                Arguments.of("{{ range . }}{{ humanize . }}:{{ humanize1024 . }}:{{ humanizeDuration . }}:"
                        + "{{humanizeTimestamp .}}:{{ end }}",
                        List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN),
                        "+Inf:+Inf:+Inf:+Inf:-Inf:-Inf:-Inf:-Inf:NaN:NaN:NaN:NaN:"),
                Arguments.of("{{ range . }}{{ humanize . }}:{{ humanize1024 . }}:{{ humanizeDuration . }}:"
                        + "{{humanizeTimestamp .}}:{{ end }}", List.of("+Inf", "-Inf", "NaN"),
                        "+Inf:+Inf:+Inf:+Inf:-Inf:-Inf:-Inf:-Inf:NaN:NaN:NaN:NaN:"),
                Arguments.of("{{ -0.22222 | humanizePercentage }}:{{ 0.0 | humanizePercentage }}:"
                        + "{{ 0.1234567 | humanizePercentage }}:{{ 1.23456 | humanizePercentage }}", null,
                        "-22.22%:0%:12.35%:123.5%"),
                Arguments.of("{{ range . }}{{ humanizePercentage . }}:{{ end }}",
                        List.of(0L, -1L, 1L, 1234567L, MAX_INT64), "0%:-100%:100%:1.235e+08%:9.223e+20%:"),
                Arguments.of("{{ \"-0.22222\" | humanizePercentage }}:{{ \"0.0\" | humanizePercentage }}:"
                        + "{{ \"0.1234567\" | humanizePercentage }}:{{ \"1.23456\" | humanizePercentage }}", null,
                        "-22.22%:0%:12.35%:123.5%"),
                Arguments.of("{{ \"one\" | humanizePercentage }}", null, "error executing template test: template: "
                        + "test:1:11: executing \"test\" at <humanizePercentage>: error calling humanizePercentage: "
                        + "strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ range . }}{{ humanizeTimestamp . }}:{{ end }}",
                        List.of(0L, -1L, 1L, 1234567L, 9223372036L),
                        "1970-01-01 00:00:00 +0000 UTC:1969-12-31 23:59:59 +0000 UTC:1970-01-01 00:00:01 +0000 UTC:"
                                + "1970-01-15 06:56:07 +0000 UTC:2262-04-11 23:47:16 +0000 UTC:"),
                Arguments.of("{{ range . }}{{ humanizeTimestamp . }}:{{ end }}", List.of(Long.MIN_VALUE, MAX_INT64),
                        "error executing template test: template: test:1:16: executing \"test\" at "
                                + "<humanizeTimestamp .>: error calling humanizeTimestamp: -9.223372036854776e+18 "
                                + "cannot be represented as a nanoseconds timestamp since it overflows int64"),
                Arguments.of("{{ 1435065584.128 | humanizeTimestamp }}", null, "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("{{ \"1435065584.128\" | humanizeTimestamp }}", null, "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("{{ \"aa bb CC\" | title }}", null, "Aa Bb CC"),
                Arguments.of("{{ \"aa bb CC\" | toUpper }}", null, "AA BB CC"),
                Arguments.of("{{ \"aA bB CC\" | toLower }}", null, "aa bb cc"),
                Arguments.of("{{ match \"a+\" \"aa\" }} {{ match \"a+\" \"b\" }}", null, "true false"),
                Arguments.of("{{ graphLink \"up\" }}", null, "/graph?g0.expr=up&g0.tab=0"),
                Arguments.of("{{ tableLink \"up\" }}", null, "/graph?g0.expr=up&g0.tab=1"),
                Arguments.of("{{ pathPrefix }}", null, "/path/prefix"),
                Arguments.of("{{ externalURL }}", null, "http://testhost:9090/path/prefix"),
                Arguments.of("{{ printf \"%0.2f\" (parseDuration \"1h2m10ms\") }}", null, "3720.01"),
                Arguments.of("{{ \"foo.example.com\" | stripDomain }}", null, "foo"),
                Arguments.of("{{ \"foo.example.com:12345\" | stripDomain }}", null, "foo:12345"),
                Arguments.of("{{ \"192.0.2.1\" | stripDomain }}", null, "192.0.2.1"),
                Arguments.of("{{ \"192.0.2.1:12345\" | stripDomain }}", null, "192.0.2.1:12345"),
                Arguments.of("{{ \"2001:0DB8::1\" | stripDomain }}", null, "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]:12345\" | stripDomain }}", null, "[2001:0DB8::1]:12345"),
                Arguments.of("{{ \"[2001:0DB8::1]::12345\" | stripDomain }}", null, "[2001:0DB8::1]::12345"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void expandsAsPrometheusDoes(String text, Object input, String expected) {
        assertThat(expand(text, input)).isEqualTo(expected);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("{{ query \"up\" | first | value }}", "1:3: executing \"test\" at <query \"up\">: "
                        + "error calling query: function query is not supported"),
                Arguments.of("{{ range query \"metric\" | sortByLabel \"instance\" }}{{ end }}",
                        "1:9: executing \"test\" at <query \"metric\">: error calling query: "
                                + "function query is not supported"),
                Arguments.of("{{ (1435065584.128 | toTime).Format \"2006\" }}", "1:21: executing \"test\" at "
                        + "<toTime>: error calling toTime: function toTime is not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queryFunctionsParseButFailClearlyWhenRun(String text, String error) {
        assertThat(expand(text, null)).isEqualTo("error executing template test: template: test:" + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("humanizeInputs")
    void humanizeAcceptsIntsFloatsAndNumericStrings(Object input, String expected) {
        assertThat(expand("{{ humanize . }}", input)).isEqualTo(expected);
    }

    static Stream<Arguments> humanizeInputs() {
        return Stream.of(
                Arguments.of(0.001, "1m"),
                Arguments.of(0.000001234, "1.234u"),
                Arguments.of(-1234.0, "-1.234k"),
                Arguments.of(1e30, "1e+06Y"),
                Arguments.of(1e-30, "1e-06y"),
                Arguments.of(-0.0, "-0"),
                Arguments.of("1e3", "1k"),
                Arguments.of("0x10", "error executing template test: template: test:1:3: executing \"test\" at "
                        + "<humanize .>: error calling humanize: strconv.ParseFloat: parsing \"0x10\": invalid syntax"),
                Arguments.of("0x1p4", "16"),
                Arguments.of("Inf", "+Inf"),
                Arguments.of(true, "error executing template test: template: test:1:3: executing \"test\" at "
                        + "<humanize .>: error calling humanize: can't convert bool to float"),
                Arguments.of(null, "error executing template test: template: test:1:3: executing \"test\" at "
                        + "<humanize .>: error calling humanize: can't convert <nil> to float"),
                Arguments.of(Arrays.asList(1L, 2L), "error executing template test: template: test:1:3: executing "
                        + "\"test\" at <humanize .>: error calling humanize: can't convert []interface {} to float"));
    }
}
