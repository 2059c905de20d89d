package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Configs.slack;
import static io.vigil.notify.dispatch.Configs.webhook;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.notify.Notification;
import io.vigil.notify.NotificationLogEntry;
import io.vigil.notify.config.AlertmanagerConfig;

/** A sink that refuses a notification, and a restart that restores the notification log. */
class FailureAndRestartTest {

    private static final String FIRST = "first_notification";
    private static final AlertmanagerConfig CONFIG = config(route("team").groupBy("alertname"))
            .webhooks("team").build();

    @Test
    void aRefusedNotificationIsDecidedAgainAtTheNextFlush() {
        Timeline t = new Timeline(CONFIG);
        t.sink.refuseNext(1);
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expectNothing()
                .at("5m30s").expect(sent("team", FIRST, "a"));
        assertThat(t.sink.refused).extracting(Notification::at).containsExactly(t.time("30s"));
    }

    @Test
    void aNotificationThatFailedForGoodIsDecidedAgainAtTheNextFlushInsteadOfAtTheRepeat() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"));
        Notification failed = t.last();

        assertThat(t.dispatcher.forgetNotification(failed.groupKey(), "team", "webhook[0]", failed.at())).isTrue();
        t.at("5m30s").expect(sent("team", FIRST, "a"));
    }

    @Test
    void aFailureOfAnOlderNotificationDoesNotForgetANewerOne() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down", "probe", "a")
                .at("30s").expect(sent("team", FIRST, "a"));
        Notification older = t.last();
        t.at("1m").fire("b", "alertname", "Down", "probe", "b")
                .at("5m30s").expect(sent("team", "new_alerts_added", "a", "b"));

        assertThat(t.dispatcher.forgetNotification(older.groupKey(), "team", "webhook[0]", older.at())).isFalse();
        t.at("10m30s").expectNothing();
    }

    @Test
    void resolvedAlertsStayInTheGroupUntilTheirNotificationIsCommitted() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down", "probe", "a").fire("b", "alertname", "Down", "probe", "b")
                .at("30s").expect(sent("team", FIRST, "a", "b"))
                .at("1m").resolve("b");
        t.sink.refuseNext(1);
        t.at("5m30s").expectNothing();
        assertThat(t.dispatcher.groups()).singleElement().satisfies(group -> assertThat(group.alerts()).hasSize(2));
        t.at("10m30s").expect(sent("team", "some_alerts_resolved", "a", "b resolved"));
        assertThat(t.dispatcher.groups()).singleElement().satisfies(group -> assertThat(group.alerts()).hasSize(1));
    }

    @Test
    void eachIntegrationKeepsItsOwnLog() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname"))
                .receiver("team", webhook(0, true), slack(0, true)).build();
        Timeline t = new Timeline(config);
        t.sink.refuseNext(1);
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a").via("slack[0]"))
                .at("5m30s").expect(sent("team", FIRST, "a"))
                .at("10m30s").expectNothing();
    }

    @Test
    void aRestoredLogKeepsARestartFromNotifyingAgain() {
        Timeline before = new Timeline(CONFIG);
        before.at("0s").fire("a", "alertname", "Down", "probe", "a")
                .at("30s").expect(sent("team", FIRST, "a"));
        List<NotificationLogEntry> persisted = before.sent().stream().map(Notification::logEntry).toList();

        Timeline after = new Timeline(CONFIG, Timeline.T0.plus(Configs.duration("10m")), persisted);
        after.at("0s").fireSince("a", "-10m", "alertname", "Down", "probe", "a")
                .expectNothing()
                .at("1m").fire("b", "alertname", "Down", "probe", "b")
                .at("4m59s").expectNothing()
                .at("5m").expect(sent("team", "new_alerts_added", "a", "b"));

        Timeline forgetful = new Timeline(CONFIG, Timeline.T0.plus(Configs.duration("10m")), List.of());
        forgetful.at("0s").fireSince("a", "-10m", "alertname", "Down", "probe", "a")
                .expect(sent("team", FIRST, "a"));
    }

    @Test
    void aRestoredLogStillRepeatsOnScheduleAndExpires() {
        Timeline before = new Timeline(CONFIG);
        before.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"));
        NotificationLogEntry entry = before.last().logEntry();

        Timeline after = new Timeline(CONFIG, Timeline.T0.plus(Configs.duration("3h")), List.of(entry));
        after.at("0s").fireSince("a", "-3h", "alertname", "Down")
                .expectNothing()
                .at("1h").expectNothing()
                .at("1h5m").expect(sent("team", "repeat_interval_elapsed", "a"));

        Timeline late = new Timeline(CONFIG, Timeline.T0.plus(Configs.duration("8h30s")), List.of(entry));
        late.at("0s").fireSince("a", "-8h30s", "alertname", "Down")
                .expect(sent("team", FIRST, "a"));
    }
}
