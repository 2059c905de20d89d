package io.vigil.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.vigil.config.ConfigException;

class RuleFileParserTest {

    @Test
    void readsGroupsAndRulesAsPrometheusWritesThem() {
        List<RuleGroupDefinition> groups = RuleFileParser.parse("web.yml", """
                groups:
                  - name: web
                    interval: 30s
                    rules:
                      - record: job:probe_success:avg
                        expr: avg by (job) (probe_success)
                      - alert: WebDown
                        expr: probe_success{probe="web"} == 0
                        for: 2m
                        keep_firing_for: 5m
                        labels: {severity: critical}
                        annotations:
                          summary: "{{ $labels.probe }} is down"
                  - name: other
                    rules: []
                """);

        assertThat(groups).extracting(RuleGroupDefinition::name).containsExactly("web", "other");
        RuleGroupDefinition web = groups.get(0);
        assertThat(web.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(groups.get(1).interval()).as("left to the global evaluation_interval").isNull();
        RuleDefinition alert = web.rules().get(1);
        assertThat(alert.kind()).isEqualTo(RuleDefinition.Kind.ALERTING);
        assertThat(alert.name()).isEqualTo("WebDown");
        assertThat(alert.holdFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(alert.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alert.labels()).containsEntry("severity", "critical");
        assertThat(alert.annotations()).containsEntry("summary", "{{ $labels.probe }} is down");
        assertThat(alert.line()).isEqualTo(7);
        assertThat(alert.exprLine()).isEqualTo(8);
        assertThat(web.rules().get(0).kind()).isEqualTo(RuleDefinition.Kind.RECORDING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            no name          | groups: [{rules: []}]                                                  | 1 | Groupname must not be empty
            repeated group   | groups: [{name: a, rules: []}, {name: a, rules: []}]                    | 1 | groupname: "a" is repeated in the same file
            neither kind     | groups: [{name: a, rules: [{expr: up}]}]                               | 1 | one of 'record' or 'alert' must be set
            both kinds       | groups: [{name: a, rules: [{alert: A, record: b, expr: up}]}]          | 1 | only one of 'record' and 'alert' must be set
            no expr          | groups: [{name: a, rules: [{alert: A}]}]                               | 1 | field 'expr' must be set in rule
            bad record name  | groups: [{name: a, rules: [{record: 'a-b', expr: up}]}]                | 1 | invalid recording rule name: a-b
            for on a record  | groups: [{name: a, rules: [{record: a, expr: up, for: 1m}]}]           | 1 | invalid field 'for' in recording rule
            unknown key      | groups: [{name: a, rules: [{alert: A, expr: up, fore: 1m}]}]           | 1 | unknown key "fore"
            bad duration     | groups: [{name: a, rules: [{alert: A, expr: up, for: 5}]}]             | 1 | not a valid duration string: "5"
            bad label name   | groups: [{name: a, rules: [{alert: A, expr: up, labels: {1x: y}}]}]    | 1 | invalid label name: 1x
            """)
    void rejectsWhatPromtoolRejects(String title, String yaml, int line, String message) {
        assertThatThrownBy(() -> RuleFileParser.parse("rules.yml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).contains(message).startsWith("rules.yml:" + line + ": ");
                });
    }
}
