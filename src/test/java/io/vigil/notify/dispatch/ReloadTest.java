package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.notify.config.AlertmanagerConfig;

/** A configuration reload: alerts are routed again; groups that still exist keep their timers. */
class ReloadTest {

    private static final String FIRST = "first_notification";

    private static final AlertmanagerConfig DB_ONLY = config(route("default").groupBy("alertname")
            .routes(route("db").match("team=db")))
            .webhooks("default", "db", "web").build();

    private static final AlertmanagerConfig DB_AND_WEB = config(route("default").groupBy("alertname")
            .routes(route("db").match("team=db").timers("30s", "5m", "1h"), route("web").match("team=web")))
            .webhooks("default", "db", "web").build();

    private static final AlertmanagerConfig NO_ROUTES = config(route("default").groupBy("alertname"))
            .webhooks("default", "db", "web").build();

    @Test
    void aGroupWhoseRouteRemainsKeepsItsTimerAndMovedAlertsFormNewGroups() {
        Timeline t = new Timeline(DB_ONLY);
        t.at("0s").fire("a", "alertname", "Down", "team", "db", "probe", "a")
                .fire("c", "alertname", "Down", "team", "web")
                .at("30s").expect(sent("db", FIRST, "a"), sent("default", FIRST, "c"))
                .at("2m").reload(DB_AND_WEB);
        assertThat(t.dispatcher.groups()).extracting(GroupView::groupKey, GroupView::receiver, GroupView::nextFlush)
                .containsExactly(tuple("{}/{team=\"db\"}:{alertname=\"Down\"}", "db", t.time("5m30s")),
                        tuple("{}/{team=\"web\"}:{alertname=\"Down\"}", "web", t.time("2m")));
        t.expect(sent("web", FIRST, "c"))
                .at("3m").fire("b", "alertname", "Down", "team", "db", "probe", "b")
                .at("5m29s").expectNothing()
                .at("5m30s").expect(sent("db", "new_alerts_added", "a", "b"))
                .at("10m30s").expectNothing();
    }

    @Test
    void aReloadDoesNotDelayAGroupWaitingForItsFirstFlush() {
        Timeline t = new Timeline(DB_ONLY);
        t.silence("s1", "probe", "quiet")
                .at("0s").fire("a", "alertname", "Down", "team", "db")
                .fire("q", "alertname", "Down", "team", "db", "probe", "quiet")
                .at("10s").reload(DB_ONLY)
                .at("30s").expect(sent("db", FIRST, "a")).expectSuppressions("q SILENCED s1")
                .at("1m").reload(DB_ONLY)
                .at("5m30s").expectNothing().expectSuppressions();
    }

    @Test
    void aGroupComingBackUnderItsKeyIsDeduplicatedByTheLog() {
        Timeline t = new Timeline(DB_ONLY);
        t.at("0s").fire("a", "alertname", "Down", "team", "db")
                .at("30s").expect(sent("db", FIRST, "a"))
                .at("1m").reload(NO_ROUTES).expect(sent("default", FIRST, "a"))
                .at("2m").reload(DB_ONLY).expectNothing()
                .at("7m").expectNothing();
        assertThat(t.dispatcher.groups()).extracting(GroupView::receiver).containsExactly("db");
    }

    @Test
    void resolvedAlertsAlreadyNotifiedAreNotRoutedAgain() {
        Timeline t = new Timeline(DB_ONLY);
        t.at("0s").fire("a", "alertname", "Down", "team", "db")
                .at("30s").expect(sent("db", FIRST, "a"))
                .at("1m").resolve("a")
                .at("5m30s").expect(sent("db", "all_alerts_resolved", "a resolved"))
                .at("6m").reload(NO_ROUTES).expectNothing();
        assertThat(t.dispatcher.groups()).isEmpty();
    }

    @Test
    void newInhibitionRulesApplyFromTheReload() {
        AlertmanagerConfig inhibiting = config(route("default").groupBy("alertname")).webhooks("default")
                .inhibit(List.of("severity=critical"), List.of("severity=warning")).build();
        Timeline t = new Timeline(inhibiting);
        t.at("0s").fire("crit", "alertname", "Down", "severity", "critical")
                .fire("warn", "alertname", "Slow", "severity", "warning")
                .at("30s").expect(sent("default", FIRST, "crit"))
                .at("1m").reload(NO_ROUTES)
                .at("5m30s").expect(sent("default", FIRST, "warn"));
    }
}
