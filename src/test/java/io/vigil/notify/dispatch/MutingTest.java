package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.TimePeriod;
import io.vigil.notify.config.TimePeriod.Range;

/** Silences, active time intervals and mute time intervals, each recorded once as a suppression. */
class MutingTest {

    private static final String FIRST = "first_notification";
    private static final String NEW = "new_alerts_added";

    /** Monday to Friday, 09:00 to 17:00 in {@code zone}. */
    private static TimePeriod businessHours(ZoneId zone) {
        return new TimePeriod(List.of(new Range(9 * 60, 17 * 60)), List.of(new Range(1, 5)), List.of(), List.of(),
                List.of(), zone);
    }

    @Test
    void aSilencedAlertIsLeftOutAndRecordedOnceUntilTheSilenceEnds() {
        Timeline t = new Timeline(config(route("team").groupBy("alertname")).webhooks("team").build());
        t.silence("s1", "probe", "a")
                .at("0s").fire("a", "alertname", "Down", "probe", "a").fire("b", "alertname", "Down", "probe", "b")
                .at("30s").expect(sent("team", FIRST, "b")).expectSuppressions("a SILENCED s1")
                .at("5m30s").expectNothing().expectSuppressions()
                .at("6m").expireSilence("s1")
                .at("10m30s").expect(sent("team", NEW, "a", "b")).expectSuppressions()
                .at("11m").silence("s2", "alertname", "Down", "probe", "a").silence("s3", "probe", "a")
                .at("15m30s").expectNothing().expectSuppressions("a SILENCED s2", "a SILENCED s3");
        assertThat(t.dispatcher.alerts()).extracting(AlertView::silencedBy)
                .containsExactly(List.of("s2", "s3"), List.of());
        t.at("16m").expireSilence("s3")
                .at("20m30s").expectNothing().expectSuppressions();
    }

    @Test
    void outsideItsActiveTimeIntervalsARouteSendsNothing() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname").active("business-hours"))
                .webhooks("team").interval("business-hours", businessHours(ZoneOffset.UTC)).build();
        Timeline t = new Timeline(config, Instant.parse("2026-11-27T08:50:00Z"), List.of());
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expectNothing().expectSuppressions("a MUTED business-hours")
                .at("5m30s").expectNothing().expectSuppressions()
                .at("10m30s").expect(sent("team", FIRST, "a")).expectSuppressions();
    }

    @Test
    void activeTimeIntervalsAreReadInTheirOwnTimeZone() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname").active("ny-hours"))
                .webhooks("team").interval("ny-hours", businessHours(ZoneId.of("America/New_York"))).build();
        Timeline t = new Timeline(config, Instant.parse("2026-11-27T13:55:00Z"), List.of());
        t.at("0s").fire("a", "alertname", "Down")
                .at("30s").expectNothing().expectSuppressions("a MUTED ny-hours")
                .at("5m30s").expect(sent("team", FIRST, "a"));
    }

    @Test
    void insideAMuteTimeIntervalARouteSendsNothing() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname").mute("midnight"))
                .webhooks("team").interval("midnight", new TimePeriod(List.of(new Range(0, 15)), List.of(),
                        List.of(), List.of(), List.of(), ZoneOffset.UTC))
                .build();
        Timeline t = new Timeline(config, Instant.parse("2026-11-27T23:50:00Z"), List.of());
        t.at("0s").fire("a", "alertname", "Down", "probe", "a")
                .at("30s").expect(sent("team", FIRST, "a"))
                .at("8m").fire("b", "alertname", "Down", "probe", "b")
                .at("10m30s").expectNothing().expectSuppressions("a MUTED midnight", "b MUTED midnight")
                .at("20m30s").expectNothing().expectSuppressions()
                .at("25m30s").expect(sent("team", NEW, "a", "b")).expectSuppressions();
    }

    @Test
    void inhibitionComesBeforeMutingAndMutingBeforeSilences() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname").mute("always"))
                .webhooks("team")
                .interval("always", new TimePeriod(List.of(), List.of(), List.of(), List.of(), List.of(),
                        ZoneOffset.UTC))
                .inhibit(List.of("severity=critical"), List.of("severity=warning")).build();
        Timeline t = new Timeline(config);
        t.silence("s1", "alertname", "Slow").silence("s2", "alertname", "Down")
                .at("0s").fire("crit", "alertname", "Down", "severity", "critical")
                .fire("warn", "alertname", "Slow", "severity", "warning")
                .at("30s").expectNothing().expectSuppressions("crit MUTED always",
                        "warn INHIBITED inhibit_rules[0]:" + t.fingerprint("crit"));
    }
}
