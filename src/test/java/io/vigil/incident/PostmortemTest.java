package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.vigil.config.IncidentsConfig;
import io.vigil.notify.dispatch.Silencer;
import io.vigil.sample.Labels;

/** The postmortem draft of an incident, read as the Markdown a person would get. */
class PostmortemTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final IncidentGroup CHECKOUT =
            new IncidentGroup("route:{service=\"checkout\"}", Map.of("service", "checkout"));

    private final IncidentBook book = new IncidentBook(new AtomicLong(6)::incrementAndGet);
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static IncidentAlert alert(String fingerprint, Labels labels, String summary, Instant firedAt) {
        return new IncidentAlert(fingerprint, labels, summary == null ? Map.of() : Map.of("summary", summary), 0.93,
                firedAt, null, null);
    }

    private Incident record(IncidentChange change) {
        timeline.addAll(change.entries());
        return change.incident();
    }

    private Incident fire(IncidentGroup group, IncidentAlert alert) {
        return record(book.firing(group, alert, Duration.ZERO, alert.firedAt()).orElseThrow());
    }

    private static TimelineEntry attempt(Instant at, String kind, String integration, String outcome, int status,
            int attempt, String error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("receiver", "oncall");
        detail.put("integration", integration);
        detail.put("outcome", outcome);
        detail.put("httpStatus", status);
        detail.put("attempt", attempt);
        detail.put("error", error);
        return new TimelineEntry(at, kind, "system", detail);
    }

    /**
     * Checkout slow after a deploy: three alerts, one notification retried, escalated at 15m, acknowledged by alice at
     * 16m, resolved by bob at 45m while two alerts still fired.
     */
    private String checkoutOutage() {
        timeline.add(new TimelineEntry(at(-30), "deployed", "user:ci",
                Map.of("service", "checkout", "version", "v1.4.2", "environment", "prod")));
        Incident incident = fire(CHECKOUT, alert("fp-latency",
                Labels.of("alertname", "HighLatency", "service", "checkout"), "Checkout latency high", at(0)));
        fire(CHECKOUT, alert("fp-probe", Labels.of("alertname", "ProbeFailed", "probe", "checkout-http",
                "service", "checkout"), null, at(2)));
        fire(CHECKOUT, alert("fp-payments", Labels.of("alertname", "HighLatency", "service", "payments"), null, at(3)));
        timeline.add(attempt(at(1), "notification_sent", "slack", "delivered", 200, 1, null));
        timeline.add(attempt(at(4), "notification_failed", "webhook", "failed", 503, 1, "Service Unavailable"));
        timeline.add(attempt(at(5), "notification_sent", "webhook", "delivered", 200, 2, null));
        book.escalations(List.of(new IncidentsConfig.Escalation(List.of(), Duration.ofMinutes(15), "oncall-lead",
                "vigil.yaml", 3)), Silencer.NONE, at(15)).forEach(escalated -> record(escalated.change()));
        record(book.acknowledge(incident, "alice", "looking into it", at(16).plusMillis(750)));
        record(book.resolved("fp-probe", at(30)).orElseThrow());
        record(book.resolve(incident, "bob", "rolled back", at(45)));
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return Postmortem.render(incident, timeline, at(60));
    }

    /** The non-blank lines under a "## " heading, up to the next one. */
    private static List<String> section(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as("heading %s", heading).isNotNegative();
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.isBlank()) {
                body.add(line);
            }
        }
        return body;
    }

    @Test
    void itStartsWithTheTitleAndHasItsSectionsInOrder() {
        String markdown = checkoutOutage();

        assertThat(markdown.lines().limit(3)).containsExactly("# Postmortem: Checkout latency high", "",
                "Incident 7, resolved.");
        assertThat(markdown.lines().filter(line -> line.startsWith("## "))).containsExactly("## Summary",
                "## Impact", "## Response", "## Timeline", "## Root cause", "## Follow-ups");
    }

    @Test
    void theSummarySaysWhatWhenAndForHowLong() {
        assertThat(section(checkoutOutage(), "## Summary")).containsExactly(
                "- **What:** Checkout latency high",
                "- **Group:** `{service=\"checkout\"}`",
                "- **Opened:** 2026-03-02 10:00:00",
                "- **Resolved:** 2026-03-02 10:45:00 by bob",
                "- **Duration:** 45m 0s");
    }

    @Test
    void theImpactCountsAlertsAndNamesTheProbesAndServicesAffected() {
        assertThat(section(checkoutOutage(), "## Impact")).containsExactly(
                "- **Alerts:** 3 (HighLatency, ProbeFailed)",
                "- **Probes affected:** checkout-http",
                "- **Services affected:** checkout, payments",
                "  - HighLatency `{alertname=\"HighLatency\", service=\"checkout\"}`: fired 2026-03-02 10:00:00, "
                        + "still firing",
                "  - ProbeFailed `{alertname=\"ProbeFailed\", probe=\"checkout-http\", service=\"checkout\"}`: "
                        + "fired 2026-03-02 10:02:00, resolved 2026-03-02 10:30:00",
                "  - HighLatency `{alertname=\"HighLatency\", service=\"payments\"}`: fired 2026-03-02 10:03:00, "
                        + "still firing");
    }

    @Test
    void theResponseSaysHowFastAndByWhomAndCountsNotificationsEscalationsAndDeploys() {
        assertThat(section(checkoutOutage(), "## Response")).containsExactly(
                "- **Time to acknowledge:** 16m 0s (by alice)",
                "- **Time to resolve:** 45m 0s",
                "- **Notifications:** 3 attempts, 2 delivered, 1 failed or retried",
                "- **Escalations:** 1",
                "- **Deploys of its services:** 1 (from an hour before it opened)");
    }

    @Test
    void theTimelineIsATableWithOneRowPerEntryInOrder() {
        assertThat(section(checkoutOutage(), "## Timeline")).containsExactly(
                "| Time (UTC) | What | Who | Details |",
                "|---|---|---|---|",
                "| 2026-03-02 09:30:00 | deployed | user:ci | checkout v1.4.2 to prod |",
                "| 2026-03-02 10:00:00 | alert fired | rule:HighLatency | HighLatency "
                        + "{alertname=\"HighLatency\", service=\"checkout\"}, value 0.93 |",
                "| 2026-03-02 10:01:00 | notification sent | system | oncall via slack: delivered 200, attempt 1 |",
                "| 2026-03-02 10:02:00 | alert fired | rule:ProbeFailed | ProbeFailed "
                        + "{alertname=\"ProbeFailed\", probe=\"checkout-http\", service=\"checkout\"}, value 0.93 |",
                "| 2026-03-02 10:03:00 | alert fired | rule:HighLatency | HighLatency "
                        + "{alertname=\"HighLatency\", service=\"payments\"}, value 0.93 |",
                "| 2026-03-02 10:04:00 | notification failed | system | oncall via webhook: failed 503, attempt 1 "
                        + "(Service Unavailable) |",
                "| 2026-03-02 10:05:00 | notification sent | system | oncall via webhook: delivered 200, attempt 2 |",
                "| 2026-03-02 10:15:00 | escalated | system | to oncall-lead after 900 s unacknowledged |",
                "| 2026-03-02 10:16:00 | acknowledged | user:alice | looking into it |",
                "| 2026-03-02 10:30:00 | alert resolved | rule:ProbeFailed | ProbeFailed "
                        + "{alertname=\"ProbeFailed\", probe=\"checkout-http\", service=\"checkout\"} |",
                "| 2026-03-02 10:45:00 | resolved | user:bob | rolled back |");
    }

    @Test
    void rootCauseAndFollowUpsAreLeftToBeWritten() {
        assertThat(checkoutOutage()).endsWith(
                "\n## Root cause\n\n_To be written._\n\n## Follow-ups\n\n- [ ] _To be written._\n");
    }

    @Test
    void anIncidentResolvedByItsAlertsIsResolvedBySystem() {
        IncidentAlert alert = alert("fp", Labels.of("alertname", "DiskFull", "service", "db"), "Disk full", at(0));
        Incident incident = fire(new IncidentGroup("db", Map.of()), alert);
        record(book.resolved("fp", at(12).plusSeconds(34).plusMillis(500)).orElseThrow());

        String markdown = Postmortem.render(incident, timeline, at(60));

        assertThat(section(markdown, "## Summary")).contains("- **Resolved:** 2026-03-02 10:12:34 by system",
                "- **Duration:** 12m 34s");
        assertThat(section(markdown, "## Timeline"))
                .endsWith("| 2026-03-02 10:12:34 | resolved | system | all alerts resolved |");
    }

    @Test
    void anOpenIncidentLastsUntilNowSoFarAndSaysWhatHasNotHappened() {
        Incident incident = fire(new IncidentGroup("watchdog", Map.of()),
                alert("fp", Labels.of("alertname", "Watchdog"), null, at(0)));

        String markdown = Postmortem.render(incident, timeline, at(62).plusSeconds(3));

        assertThat(markdown).contains("Incident 7, triggered.");
        assertThat(section(markdown, "## Summary")).containsExactly(
                "- **What:** Watchdog",
                "- **Opened:** 2026-03-02 10:00:00",
                "- **Duration:** 1h 2m 3s so far");
        assertThat(section(markdown, "## Impact")).startsWith("- **Alerts:** 1 (Watchdog)",
                "- **Probes affected:** none", "- **Services affected:** none");
        assertThat(section(markdown, "## Response")).startsWith("- **Time to acknowledge:** not acknowledged",
                "- **Time to resolve:** not resolved", "- **Notifications:** 0 attempts, 0 delivered, 0 failed or retried",
                "- **Escalations:** 0");
    }

    @Test
    void pipesInTableCellsAreEscapedAndNewlinesDoNotBreakARow() {
        Incident incident = fire(CHECKOUT, alert("fp", Labels.of("alertname", "Errors", "route", "/a|/b"), null,
                at(0)));
        timeline.add(new TimelineEntry(at(20), "commented", "user:ops|bob",
                Map.of("text", "rolled back v1.3 | v1.2\r\nsee #42\n\nthanks")));

        List<String> table = section(Postmortem.render(incident, timeline, at(30)), "## Timeline");

        assertThat(table).containsExactly(
                "| Time (UTC) | What | Who | Details |",
                "|---|---|---|---|",
                "| 2026-03-02 10:00:00 | alert fired | rule:Errors | Errors {alertname=\"Errors\", route=\"/a\\|/b\"}, "
                        + "value 0.93 |",
                "| 2026-03-02 10:20:00 | commented | user:ops\\|bob | rolled back v1.3 \\| v1.2 see #42 thanks |");
    }

    @Test
    void aTitleOnSeveralLinesStaysOneHeadingLine() {
        Incident incident = fire(CHECKOUT, alert("fp", Labels.of("alertname", "DiskFull"), "Disk full\non <db-1>",
                at(0)));

        String markdown = Postmortem.render(incident, timeline, at(1));

        assertThat(markdown).startsWith("# Postmortem: Disk full on &lt;db-1>\n");
        assertThat(section(markdown, "## Summary")).startsWith("- **What:** Disk full on &lt;db-1>");
    }

    @Test
    void durationsAreShownInHoursMinutesAndSeconds() {
        assertThat(Postmortem.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Postmortem.duration(Duration.ofMinutes(16))).isEqualTo("16m 0s");
        assertThat(Postmortem.duration(Duration.ofSeconds(3723))).isEqualTo("1h 2m 3s");
        assertThat(Postmortem.duration(Duration.ofHours(26))).isEqualTo("26h 0m 0s");
        assertThat(Postmortem.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
