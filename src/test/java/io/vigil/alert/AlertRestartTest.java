package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.rule.AlertingRule;
import io.vigil.rule.RecordedSeries;
import io.vigil.rule.RuleCompiler;
import io.vigil.rule.RuleFileParser;
import io.vigil.rule.RuleGroup;
import io.vigil.rule.TemplateContext;
import io.vigil.rule.eval.SeriesSource;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;
import io.vigil.sample.SeriesStore;

/**
 * A restart between two evaluations, on the database of this run (H2, or PostgreSQL in CI): the
 * engine before it stores its alerts, a fresh engine after it restores them, and neither a pending
 * nor a firing alert starts over or fires twice.
 */
@QuarkusTest
class AlertRestartTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final String RULES = """
            groups:
              - name: restart
                rules:
                  - alert: WebDown
                    expr: probe_success == 0
                    for: 10m
                    labels: {severity: critical}
                    annotations: {summary: "{{ $labels.probe }} down"}
            """;

    @Inject
    AlertStore store;

    private final SeriesStore history = new SeriesStore(Clock.systemUTC(), Duration.ofDays(1), 100);

    @Test
    void aFiringAlertStaysFiringAndDoesNotFireAgain() {
        failingAt(T0, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(11)));
        RuleGroup before = compile();
        evaluate(before, T0);
        assertThat(evaluate(before, T0.plus(Duration.ofMinutes(10)))).extracting(AlertTransitioned::to)
                .containsExactly(AlertState.FIRING);
        store.replace("restart-firing", rule(before).tracker().alerts());

        RuleGroup after = compile();
        rule(after).tracker().restore(store.loadAll().get("restart-firing"));
        List<AlertTransitioned> transitions = evaluate(after, T0.plus(Duration.ofMinutes(11)));

        assertThat(transitions).as("no second firing").isEmpty();
        assertThat(rule(after).tracker().alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.FIRING);
            assertThat(alert.activeAt()).isEqualTo(T0);
            assertThat(alert.firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(alert.labels().get("severity")).isEqualTo("critical");
            assertThat(alert.annotations()).containsEntry("summary", "web down");
        });
    }

    @Test
    void aPendingAlertKeepsCountingItsForAcrossTheRestart() {
        failingAt(T0, T0.plus(Duration.ofMinutes(10)));
        RuleGroup before = compile();
        assertThat(evaluate(before, T0)).extracting(AlertTransitioned::to).containsExactly(AlertState.PENDING);
        store.replace("restart-pending", rule(before).tracker().alerts());

        RuleGroup after = compile();
        rule(after).tracker().restore(store.loadAll().get("restart-pending"));

        assertThat(evaluate(after, T0.plus(Duration.ofMinutes(10)))).extracting(AlertTransitioned::to)
                .containsExactly(AlertState.FIRING);
    }

    private void failingAt(Instant... times) {
        for (Instant at : times) {
            history.append(at.toEpochMilli(), Labels.of("probe", "web"), List.of(Sample.of("probe_success", 0)));
        }
    }

    private static RuleGroup compile() {
        return RuleCompiler.compile(RuleFileParser.parse("restart.yml", RULES).get(0), Duration.ofMinutes(1));
    }

    private List<AlertTransitioned> evaluate(RuleGroup group, Instant at) {
        return group.evaluate(at, SeriesSource.of(history), RecordedSeries.into(history), TemplateContext.EMPTY);
    }

    private static AlertingRule rule(RuleGroup group) {
        return (AlertingRule) group.rules().get(0);
    }
}
