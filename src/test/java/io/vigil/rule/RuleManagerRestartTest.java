package io.vigil.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.alert.AlertStore;
import io.vigil.config.ActiveConfig;
import io.vigil.config.ConfigApplied;
import io.vigil.testsupport.ProbeTargets;

/**
 * The engine started afresh on the running configuration, as after a restart of Vigil: rules are
 * compiled anew with empty state, the stored alerts are restored, and a firing alert goes on firing
 * without a second firing event.
 */
@QuarkusTest
@WithTestResource(ProbeTargets.class)
class RuleManagerRestartTest {

    @Inject
    RuleManager manager;

    @Inject
    ActiveConfig config;

    @Inject
    TransitionRecorder transitions;

    @Inject
    AlertStore store;

    @Test
    void aFiringAlertResumesAfterARestartWithoutFiringAgain() {
        await().atMost(Duration.ofSeconds(10)).until(() -> firing() != null);
        Alert before = firing();
        // a restart resumes what was stored: the evaluation that made it fire writes it just after
        await().atMost(Duration.ofSeconds(10)).until(() -> store.loadAll().values().stream().flatMap(List::stream)
                .anyMatch(a -> a.state() == AlertState.FIRING && "EndpointDown".equals(a.labels().get("alertname"))));

        transitions.clear();
        manager.onApplied(new ConfigApplied(config.current(), null));
        RuleGroup web = manager.groups().get(0);
        Instant restartedAt = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Instant last = web.health(web.rules().get(0)).lastEvaluation();
            return last != null && last.isAfter(restartedAt.plusSeconds(1));
        });

        Alert after = firing();
        assertThat(after).as("still firing after the restart").isNotNull();
        assertThat(after.activeAt()).isEqualTo(before.activeAt());
        assertThat(after.firedAt()).isEqualTo(before.firedAt());
        assertThat(transitions.seen()).as("no second firing event")
                .noneMatch(t -> t.to() == AlertState.FIRING && "EndpointDown".equals(t.labels().get("alertname")));
    }

    private Alert firing() {
        for (RuleGroup group : manager.groups()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting && rule.definition().name().equals("EndpointDown")) {
                    return alerting.tracker().alerts().stream().filter(a -> a.state() == AlertState.FIRING)
                            .findFirst().orElse(null);
                }
            }
        }
        return null;
    }
}
