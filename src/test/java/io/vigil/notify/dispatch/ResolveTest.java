package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Configs.slack;
import static io.vigil.notify.dispatch.Configs.webhook;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.sample.Labels;

/** Resolved alerts: with and without send_resolved, and alerts that come and go between two flushes. */
class ResolveTest {

    private static final String FIRST = "first_notification";
    private static final String SOME = "some_alerts_resolved";
    private static final String ALL = "all_alerts_resolved";

    /** One receiver, a webhook that sends resolved alerts and a Slack integration that does not. */
    private static final AlertmanagerConfig CONFIG = config(route("team").groupBy("alertname"))
            .receiver("team", webhook(0, true), slack(0, false)).build();

    @Test
    void sendResolvedDecidesWhetherAPartialResolutionIsSent() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down", "probe", "a").fire("b", "alertname", "Down", "probe", "b")
                .at("30s").expect(sent("team", FIRST, "a", "b"), sent("team", FIRST, "a", "b").via("slack[0]"))
                .at("2m").resolve("b")
                .at("5m30s").expect(sent("team", SOME, "a", "b resolved"))
                .at("10m30s").expectNothing();
        assertThat(t.dispatcher.groups()).singleElement().satisfies(group -> assertThat(group.alerts())
                .as("the notified resolved alert left the group").extracting(NotifiableAlert::labels)
                .containsExactly(Labels.of("alertname", "Down", "probe", "a")));

        t.at("12m").resolve("a")
                .at("15m30s").expect(sent("team", ALL, "a resolved"), sent("team", ALL).via("slack[0]"));
        Notification logOnly = t.last();
        assertThat(logOnly.alerts()).as("nothing to show without send_resolved, only the log to update").isEmpty();
        assertThat(logOnly.logEntry().firing()).isEmpty();
        assertThat(logOnly.logEntry().resolved()).containsExactly(t.fingerprint("a"));
        assertThat(t.dispatcher.groups()).as("an empty group is removed").isEmpty();
        t.at("30m").expectNothing();
    }

    @Test
    void withoutSendResolvedResolvedAlertsAreLeftOutOfFiringNotifications() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down", "probe", "a").fire("b", "alertname", "Down", "probe", "b")
                .at("20s").resolve("b")
                .at("30s").expect(sent("team", FIRST, "a", "b resolved"), sent("team", FIRST, "a").via("slack[0]"));
        assertThat(t.last().logEntry().resolved()).containsExactly(t.fingerprint("b"));
    }

    @Test
    void anAlertFiredAndResolvedBeforeTheFirstFlushIsNeverNotified() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down")
                .at("10s").resolve("a")
                .at("30s").expectNothing();
        assertThat(t.dispatcher.groups()).isEmpty();
        assertThat(t.dispatcher.notificationLog()).isEmpty();
    }

    @Test
    void afterAResolutionAnAlertFiredAndResolvedWithinOneIntervalIsNotNotified() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down", "probe", "a")
                .at("30s").expect(sent("team", FIRST, "a"), sent("team", FIRST, "a").via("slack[0]"))
                .at("1m").resolve("a")
                .at("5m30s").expect(sent("team", ALL, "a resolved"), sent("team", ALL).via("slack[0]"))
                .at("6m").fire("c", "alertname", "Down", "probe", "c")
                .at("6m10s").resolve("c")
                .at("6m30s").expectNothing()
                // A resolved alert posted again after its resolution was notified: nothing new.
                .at("7m").resolve("a")
                .expectNothing();
        assertThat(t.dispatcher.groups()).isEmpty();
    }

    @Test
    void anAlertFiringAgainWhileItsResolutionIsNotifiedStaysInTheGroup() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"), sent("team", FIRST, "a").via("slack[0]"))
                .at("1m").resolve("a");
        t.sink.onNotify = n -> {
            if (n.reason().equals(ALL) && n.integration().key().equals("slack[0]")) {
                t.fire("a", "alertname", "Down");
            }
        };
        t.at("5m30s").expect(sent("team", ALL, "a resolved"), sent("team", ALL).via("slack[0]"));
        t.sink.onNotify = n -> { };
        t.at("10m30s").expect(sent("team", FIRST, "a"), sent("team", FIRST, "a").via("slack[0]"));
    }

    @Test
    void anExplicitEndInTheFutureResolvesTheAlertWhenItIsReached() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").post("a", new NotifiableAlert(Labels.of("alertname", "Down"), Map.of(), t.now(),
                t.time("10m"), "", false))
                .at("30s").expect(sent("team", FIRST, "a"), sent("team", FIRST, "a").via("slack[0]"));
        assertThat(t.last().alerts().get(0).endsAt()).as("an end not reached yet is not shown").isNull();
        t.at("5m30s").expectNothing()
                .at("10m30s").expect(sent("team", ALL, "a resolved"), sent("team", ALL).via("slack[0]"));
    }

    @Test
    void resolvedAlertsNoGroupHoldsAreForgottenAtTheNextCleanUp() {
        Timeline t = new Timeline(CONFIG);
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expect(sent("team", FIRST, "a"), sent("team", FIRST, "a").via("slack[0]"))
                .at("1m").resolve("a")
                .at("5m30s").expect(sent("team", ALL, "a resolved"), sent("team", ALL).via("slack[0]"));
        assertThat(t.dispatcher.alerts()).singleElement()
                .satisfies(view -> assertThat(view.receivers()).isEmpty());
        assertThat(t.dispatcher.nextDeadline()).contains(t.time("30m"));
        t.at("30m");
        assertThat(t.dispatcher.alerts()).isEmpty();
        assertThat(t.dispatcher.notificationLog()).as("kept until twice the repeat interval").hasSize(2);
        t.at("8h5m29s");
        assertThat(t.dispatcher.notificationLog()).hasSize(2);
        t.at("8h5m30s");
        assertThat(t.dispatcher.notificationLog()).isEmpty();
        t.at("8h30m");
        assertThat(t.dispatcher.nextDeadline()).isEmpty();
    }
}
