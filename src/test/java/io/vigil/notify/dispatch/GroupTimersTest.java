package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.notify.Notification;
import io.vigil.notify.config.AlertmanagerConfig;

/** Aggregation group timers: group_wait, group_interval, repeat_interval, as Alertmanager runs them. */
class GroupTimersTest {

    private static final String FIRST = "first_notification";
    private static final String NEW = "new_alerts_added";
    private static final String REPEAT = "repeat_interval_elapsed";

    private static AlertmanagerConfig timers(String wait, String interval, String repeat) {
        return config(route("team").groupBy("alertname").timers(wait, interval, repeat)).webhooks("team").build();
    }

    @Test
    void aNewGroupWaitsGroupWaitThenNotifiesItsAlerts() {
        Timeline t = new Timeline(timers("30s", "5m", "4h"));
        t.at("0s").fire("a", "alertname", "Down", "probe", "web")
                .at("10s").fire("b", "alertname", "Down", "probe", "db")
                .at("29s").expectNothing()
                .at("30s").expect(sent("team", FIRST, "b", "a"));

        Notification first = t.last();
        assertThat(first.groupKey()).isEqualTo("{}:{alertname=\"Down\"}");
        assertThat(first.groupLabels()).isEqualTo(Map.of("alertname", "Down"));
        assertThat(first.at()).isEqualTo(t.time("30s"));
        assertThat(first.alerts()).allSatisfy(alert -> assertThat(alert.endsAt()).isNull());
        assertThat(first.logEntry().firing()).containsExactlyInAnyOrder(t.fingerprint("a"), t.fingerprint("b"));
        assertThat(first.logEntry().expiresAt()).isEqualTo(t.time("8h30s"));
        t.at("5m30s").expectNothing();
    }

    @Test
    void anAlertOlderThanGroupWaitIsNotifiedAtOnce() {
        Timeline t = new Timeline(timers("30s", "5m", "4h"));
        t.at("0s").fireSince("old", "-31s", "alertname", "Down", "probe", "web")
                .expect(sent("team", FIRST, "old"))
                // Started exactly group_wait ago: that is not strictly past, so it waits.
                .fireSince("exact", "-30s", "alertname", "Slow", "probe", "web")
                .expectNothing()
                .at("30s").expect(sent("team", FIRST, "exact"));
        assertThat(t.dispatcher.groups()).extracting(GroupView::nextFlush)
                .containsExactly(t.time("5m"), t.time("5m30s"));
    }

    @Test
    void aRepostAfterGroupWaitSinceItsStartFlushesAGroupThatHasNotFlushedYet() {
        Timeline t = new Timeline(timers("30s", "5m", "4h"));
        t.at("0s").fireSince("a", "-20s", "alertname", "Down", "probe", "web")
                .at("9s").refire("a").expectNothing()
                .at("15s").refire("a").expect(sent("team", FIRST, "a"))
                .at("30s").expectNothing()
                .at("5m15s").expectNothing();
    }

    @Test
    void alertsArrivingBetweenFlushesWaitForTheNextGroupInterval() {
        Timeline t = new Timeline(timers("30s", "5m", "4h"));
        t.at("0s").fire("a", "alertname", "Down", "probe", "a")
                .at("30s").expect(sent("team", FIRST, "a"))
                .at("1m").fire("b", "alertname", "Down", "probe", "b")
                .at("5m29s").fire("c", "alertname", "Down", "probe", "c").expectNothing()
                .at("5m30s").expect(sent("team", NEW, "a", "b", "c"))
                .at("10m30s").expectNothing();
    }

    @Test
    void groupsKeepTheirOwnTimers() {
        Timeline t = new Timeline(timers("30s", "5m", "4h"));
        t.at("0s").fire("down", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "down"))
                .at("1m").fire("slow", "alertname", "Slow")
                .at("1m30s").expect(sent("team", FIRST, "slow"))
                .at("5m30s").fire("down2", "alertname", "Down", "probe", "2")
                .at("6m").fire("slow2", "alertname", "Slow", "probe", "2")
                .at("6m30s").expect(sent("team", NEW, "slow", "slow2"))
                .at("10m30s").expect(sent("team", NEW, "down", "down2"))
                .at("11m30s").expectNothing();
    }

    @Test
    void repeatIntervalIsCheckedOnlyAtGroupIntervalTicksAndMustHaveStrictlyPassed() {
        Timeline t = new Timeline(timers("30s", "5m", "20m"));
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"))
                // Exactly 20m since the last notification is not more than 20m.
                .at("20m30s").expectNothing()
                .at("25m30s").expect(sent("team", REPEAT, "a"))
                .at("45m30s").expectNothing()
                .at("50m30s").expect(sent("team", REPEAT, "a"));
    }

    @Test
    void aRepeatIntervalShorterThanGroupIntervalRepeatsAtEveryTick() {
        Timeline t = new Timeline(timers("30s", "5m", "3m"));
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"))
                .at("3m30s").expectNothing()
                .at("5m30s").expect(sent("team", REPEAT, "a"))
                .at("10m30s").expect(sent("team", REPEAT, "a"));
    }
}
