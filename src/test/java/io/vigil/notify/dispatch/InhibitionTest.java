package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.notify.config.AlertmanagerConfig;

/** Inhibition over every held alert, with Alertmanager's equal-labels and two-sided rules. */
class InhibitionTest {

    private static final String FIRST = "first_notification";

    /** Critical alerts inhibit warnings of the same cluster; groups are per alertname. */
    private static final AlertmanagerConfig CLUSTER = config(route("team").groupBy("alertname")).webhooks("team")
            .inhibit(List.of("severity=critical"), List.of("severity=warning"), "cluster").build();

    @Test
    void aFiringSourceInhibitsTargetsWithEqualLabelsUntilItResolves() {
        Timeline t = new Timeline(CLUSTER);
        t.at("0s").fire("src", "alertname", "Down", "severity", "critical", "cluster", "a")
                .fire("same", "alertname", "Slow", "severity", "warning", "cluster", "a")
                .fire("other", "alertname", "Slow", "severity", "warning", "cluster", "b")
                .at("30s").expect(sent("team", FIRST, "src"), sent("team", FIRST, "other"))
                .expectSuppressions("same INHIBITED inhibit_rules[0]:" + t.fingerprint("src"));
        assertThat(t.dispatcher.alerts()).filteredOn(view -> view.alert().labels().get("cluster").equals("a")
                && view.alert().labels().get("severity").equals("warning"))
                .singleElement().satisfies(view -> assertThat(view.inhibitedBy())
                        .containsExactly("inhibit_rules[0]:" + t.fingerprint("src")));

        t.at("5m30s").expectNothing().expectSuppressions()
                .at("6m").resolve("src")
                .at("10m30s").expect(sent("team", "all_alerts_resolved", "src resolved"),
                        sent("team", "new_alerts_added", "same", "other"))
                .expectSuppressions();
    }

    @Test
    void aMissingEqualLabelEqualsAnEmptyOne() {
        Timeline t = new Timeline(CLUSTER);
        t.at("0s").fire("src", "alertname", "Down", "severity", "critical")
                .fire("bare", "alertname", "Slow", "severity", "warning", "instance", "1")
                .fire("empty", "alertname", "Slow", "severity", "warning", "instance", "2", "cluster", "")
                .fire("clustered", "alertname", "Slow", "severity", "warning", "instance", "3", "cluster", "b")
                .at("30s").expect(sent("team", FIRST, "src"), sent("team", FIRST, "clustered"))
                .expectSuppressions("empty INHIBITED inhibit_rules[0]:" + t.fingerprint("src"),
                        "bare INHIBITED inhibit_rules[0]:" + t.fingerprint("src"));
    }

    @Test
    void anAlertMatchingBothSidesNeverInhibitsItselfNorItsLikes() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname")).webhooks("team")
                .inhibit(List.of("alertname=~.+"), List.of("severity=warning")).build();
        Timeline t = new Timeline(config);
        t.at("0s").fire("w1", "alertname", "Slow", "severity", "warning", "instance", "1")
                .fire("w2", "alertname", "Slow", "severity", "warning", "instance", "2")
                .at("30s").expect(sent("team", FIRST, "w1", "w2")).expectSuppressions()
                .at("1m").fire("crit", "alertname", "Down", "severity", "critical")
                .at("1m30s").expect(sent("team", FIRST, "crit"))
                .at("5m30s").expectNothing()
                .expectSuppressions("w1 INHIBITED inhibit_rules[0]:" + t.fingerprint("crit"),
                        "w2 INHIBITED inhibit_rules[0]:" + t.fingerprint("crit"));
    }

    @Test
    void aResolvedSourceInhibitsNothingEvenBeforeItsGroupFlushes() {
        Timeline t = new Timeline(CLUSTER);
        t.at("0s").fire("src", "alertname", "Down", "severity", "critical", "cluster", "a")
                .at("10s").resolve("src")
                .at("20s").fire("target", "alertname", "Slow", "severity", "warning", "cluster", "a")
                .at("30s").expectNothing()
                .at("50s").expect(sent("team", FIRST, "target")).expectSuppressions();
    }

    @Test
    void sourcesAreAllHeldAlertsWhateverRouteTheyTook() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname")
                .routes(route("infra").match("team=infra").timers("1h", "1h", "4h")))
                .webhooks("team", "infra")
                .inhibit(List.of("alertname=NodeDown"), List.of("alertname=ProbeFailed"), "node").build();
        Timeline t = new Timeline(config);
        t.at("0s").fire("node", "alertname", "NodeDown", "team", "infra", "node", "n1")
                .fire("probe", "alertname", "ProbeFailed", "node", "n1")
                .at("30s").expectNothing()
                .expectSuppressions("probe INHIBITED inhibit_rules[0]:" + t.fingerprint("node"));
    }
}
