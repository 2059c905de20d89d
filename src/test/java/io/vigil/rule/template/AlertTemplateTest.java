package io.vigil.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alert label and annotation templates as Prometheus' rules/alerting.go expands them. */
class AlertTemplateTest {

    private static final Map<String, String> LABELS = Map.of("instance", "web-1:9100", "job", "node",
            "severity", "page");
    private static final TemplateData DATA = new TemplateData(LABELS, 0.5, Map.of("env", "prod"),
            "https://vigil.example.com/prefix");
    /** Columns in error messages include the 112 characters of variable definitions Prometheus prepends. */
    private static final int DEFS = 112;

    private static String expand(String text, double value) {
        return AlertTemplate.expand("HighLatency", text, new TemplateData(LABELS, value, Map.of("env", "prod"),
                "https://vigil.example.com/prefix"));
    }

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("{{ $labels.instance }} of job {{ $labels.job }}", 0.5, "web-1:9100 of job node"),
                Arguments.of("{{ .Labels.instance }} is down", 0.5, "web-1:9100 is down"),
                Arguments.of("[{{ $labels.missing }}]", 0.5, "[]"),
                Arguments.of("{{ $value }}", 0.5, "0.5"),
                Arguments.of("{{ .Value }}", 1000000, "1e+06"),
                Arguments.of("{{ $value }}", 123456, "123456"),
                Arguments.of("{{ $value }}", 0.00001, "1e-05"),
                Arguments.of("{{ $value }}", Double.NaN, "NaN"),
                Arguments.of("{{ $value }}", Double.POSITIVE_INFINITY, "+Inf"),
                Arguments.of("{{ $value | printf \"%.2f\" }}", 0.5, "0.50"),
                Arguments.of("{{ printf \"%.1f%%\" $value }}", 97.25, "97.2%"),
                Arguments.of("{{ humanize $value }}", 1234567, "1.235M"),
                Arguments.of("{{ humanize1024 $value }}", 1048576, "1Mi"),
                Arguments.of("{{ humanizeDuration $value }}", 899.99, "14m 59s"),
                Arguments.of("{{ $value | humanizePercentage }}", 0.1234567, "12.35%"),
                Arguments.of("{{ $externalLabels.env }} {{ .ExternalLabels.env }}", 0.5, "prod prod"),
                Arguments.of("{{ $externalURL }}/alerts {{ pathPrefix }}", 0.5,
                        "https://vigil.example.com/prefix/alerts /prefix"),
                Arguments.of("{{ if gt $value 0.9 }}critical{{ else }}warning{{ end }}", 0.95, "critical"),
                Arguments.of("{{ if gt $value 0.9 }}critical{{ else }}warning{{ end }}", 0.5, "warning"),
                Arguments.of("{{ if eq $labels.severity \"page\" \"critical\" }}wake up{{ end }}", 0.5, "wake up"),
                Arguments.of("{{ with $labels.instance }}{{ . | stripPort }}{{ end }}", 0.5, "web-1"),
                Arguments.of("{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}", 0.5,
                        "instance=web-1:9100 job=node severity=page "),
                Arguments.of("""
                        Instance {{ $labels.instance }}
                        {{- if gt $value 0.4 }}
                          is slow ({{ $value | humanize }}s)
                        {{- end }}""", 0.5, "Instance web-1:9100\n  is slow (500ms)"),
                Arguments.of("{{ reReplaceAll \":.*\" \"\" $labels.instance | toUpper }}", 0.5, "WEB-1"),
                Arguments.of("{{ .Labels }}", 0.5, "map[instance:web-1:9100 job:node severity:page]"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("expansions")
    void expandsLikePrometheus(String text, double value, String expected) {
        assertThat(expand(text, value)).isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("{{ humanise $value }}", "error parsing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1: function \"humanise\" not defined"),
                Arguments.of("{{ if }}x{{ end }}", "error parsing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1: missing value for if"),
                Arguments.of("{{ $labels.instance ", "error parsing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1: unclosed action"),
                Arguments.of("{{ if gt $value 1 }}x{{ end }}", "error executing template __alert_HighLatency: "
                        + "template: __alert_HighLatency:1:" + (DEFS + 6) + ": executing \"__alert_HighLatency\" at "
                        + "<gt $value 1>: error calling gt: incompatible types for comparison: float64 and int"),
                Arguments.of("{{ .Foo }}", "error executing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1:" + (DEFS + 3) + ": executing \"__alert_HighLatency\" at <.Foo>: "
                        + "can't evaluate field Foo in type " + TemplateData.GO_TYPE),
                Arguments.of("{{ $labels.job.name }}", "error executing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1:" + (DEFS + 10) + ": executing \"__alert_HighLatency\" at "
                        + "<$labels.job.name>: can't evaluate field name in type string"),
                Arguments.of("{{ query \"up\" }}", "error executing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1:" + (DEFS + 3) + ": executing \"__alert_HighLatency\" at "
                        + "<query \"up\">: error calling query: function query is not supported"),
                Arguments.of("{{ humanize $labels.job }}", "error executing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1:" + (DEFS + 3) + ": executing \"__alert_HighLatency\" at "
                        + "<humanize $labels.job>: error calling humanize: strconv.ParseFloat: parsing \"node\": "
                        + "invalid syntax"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresBecomeErrorTextNotExceptions(String text, String error) {
        assertThat(expand(text, 0.5)).isEqualTo("<error expanding template: " + error + ">");
    }

    @Test
    void definitionsAreWhatPrometheusPrepends() {
        assertThat(AlertTemplate.DEFINITIONS).hasSize(DEFS);
    }

    @Test
    void compiledOnceExpandedManyTimes() {
        AlertTemplate template =
                AlertTemplate.compile("DiskFull", "{{ $labels.device }} at {{ humanizePercentage $value }}");
        assertThat(template.parseError()).isEmpty();
        assertThat(IntStream.range(0, 200).parallel()
                .mapToObj(i -> template.expand(new TemplateData(Map.of("device", "sd" + i), i / 100.0)))
                .toList())
                .hasSize(200)
                .contains("sd1 at 1%", "sd50 at 50%", "sd199 at 199%");
    }

    @Test
    void aParseErrorIsAvailableBeforeExpanding() {
        AlertTemplate broken = AlertTemplate.compile("X", "{{ nope }}");
        assertThat(broken.parseError()).contains(
                "error parsing template __alert_X: template: __alert_X:1: function \"nope\" not defined");
        assertThat(broken.expand(DATA)).isEqualTo("<error expanding template: error parsing template __alert_X: "
                + "template: __alert_X:1: function \"nope\" not defined>");
    }

    @Test
    void nullMapsAreEmpty() {
        TemplateData empty = new TemplateData(null, 1, null, null);
        assertThat(AlertTemplate.expand("X", "[{{ $labels.a }}{{ $externalURL }}]", empty)).isEqualTo("[]");
    }
}
