package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.vigil.config.IncidentsConfig;
import io.vigil.notify.Matchers;
import io.vigil.notify.dispatch.Silencer;
import io.vigil.sample.Labels;

/** The incident lifecycle, one alert or person at a time, on fixed instants. */
class IncidentBookTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration REOPEN_WITHIN = Duration.ofMinutes(30);
    private static final IncidentGroup WEB = group("web");
    private static final IncidentGroup DB = group("db");
    private static final List<IncidentsConfig.Escalation> ESCALATIONS = List.of(
            escalation(15, "oncall", "severity=\"critical\""), escalation(30, "managers", "severity=\"critical\""));

    private final IncidentBook book = new IncidentBook(new AtomicLong()::incrementAndGet);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static IncidentGroup group(String service) {
        return new IncidentGroup("route:{service=\"" + service + "\"}", Map.of("service", service));
    }

    private static IncidentAlert alert(String name, String service, String severity, Instant firedAt) {
        return new IncidentAlert(name + "/" + service, Labels.of("alertname", name, "service", service, "severity",
                severity), Map.of("summary", name + " on " + service), 0.93, firedAt, null, null);
    }

    private static IncidentAlert alert(String name, Instant firedAt) {
        return alert(name, "web", "critical", firedAt);
    }

    private static IncidentAlert leased(IncidentAlert alert, Instant leaseEndsAt) {
        return new IncidentAlert(alert.fingerprint(), alert.labels(), alert.annotations(), null, alert.firedAt(), null,
                leaseEndsAt);
    }

    private static IncidentsConfig.Escalation escalation(int minutes, String receiver, String matchers) {
        return new IncidentsConfig.Escalation(Matchers.parse(matchers), Duration.ofMinutes(minutes), receiver,
                "vigil.yaml", 1);
    }

    private IncidentChange fire(IncidentGroup group, IncidentAlert alert, Duration reopenWithin, Instant now) {
        return book.firing(group, alert, reopenWithin, now).orElseThrow();
    }

    private IncidentChange fire(IncidentAlert alert, Instant now) {
        return fire(WEB, alert, REOPEN_WITHIN, now);
    }

    private IncidentChange resolve(IncidentAlert alert, Instant at) {
        return book.resolved(alert.fingerprint(), at).orElseThrow();
    }

    private static List<String> kinds(IncidentChange change) {
        return change.entries().stream().map(TimelineEntry::kind).toList();
    }

    private List<String> due(Instant now) {
        return book.escalations(ESCALATIONS, Silencer.NONE, now).stream().map(e -> e.escalation().receiver()).toList();
    }

    @Test
    void theFirstFiringAlertOfAGroupOpensATriggeredIncident() {
        IncidentChange change = fire(alert("HighLatency", at(0)), at(1));

        Incident incident = change.incident();
        assertThat(incident.id()).isEqualTo(1);
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        // Opened when Vigil learnt of it; the alert's own start stays on its timeline entry.
        assertThat(incident.openedAt()).isEqualTo(at(1));
        assertThat(incident.key()).isEqualTo(WEB.key());
        assertThat(incident.title()).isEqualTo("HighLatency on web");
        assertThat(incident.groupLabels()).isEqualTo(Map.of("service", "web"));
        assertThat(change.entries()).containsExactly(new TimelineEntry(at(0), "alert_fired", "rule:HighLatency",
                Map.of("alertname", "HighLatency", "fingerprint", "HighLatency/web", "value", 0.93, "labels",
                        Map.of("alertname", "HighLatency", "service", "web", "severity", "critical"),
                        "summary", "HighLatency on web")));
        assertThat(book.get(1)).containsSame(incident);
        assertThat(book.ofAlert("HighLatency/web")).containsSame(incident);
        assertThat(book.openCount()).isEqualTo(1);
    }

    @Test
    void anotherAlertOfTheSameGroupJoinsTheOpenIncidentAndOtherGroupsOpenTheirOwn() {
        Incident incident = fire(alert("HighLatency", at(0)), at(0)).incident();

        IncidentChange joined = fire(alert("ErrorRate", at(3)), at(3));
        Incident db = fire(DB, alert("DiskFull", "db", "critical", at(4)), REOPEN_WITHIN, at(4)).incident();

        assertThat(joined.incident().id()).isEqualTo(incident.id());
        assertThat(joined.entries()).singleElement().satisfies(entry -> assertThat(entry.detail())
                .containsEntry("alertname", "ErrorRate").containsEntry("fingerprint", "ErrorRate/web"));
        assertThat(incident.alerts()).extracting(IncidentAlert::alertname).containsExactly("HighLatency", "ErrorRate");
        assertThat(db.id()).isNotEqualTo(incident.id());
        assertThat(book.openCount()).isEqualTo(2);
    }

    @Test
    void anAlertPostedAgainChangesNothingUnlessItsLeaseMovedOn() {
        IncidentAlert posted = leased(alert("HighLatency", at(0)), at(5));
        Incident incident = fire(posted, at(0)).incident();

        assertThat(book.firing(WEB, leased(posted, at(5)), REOPEN_WITHIN, at(1))).isEmpty();
        IncidentChange renewed = book.firing(WEB, leased(posted, at(10)), REOPEN_WITHIN, at(2)).orElseThrow();

        assertThat(renewed.incident()).isSameAs(incident);
        assertThat(renewed.entries()).isEmpty();
        assertThat(incident.alerts()).singleElement().extracting(IncidentAlert::leaseEndsAt).isEqualTo(at(10));
        assertThat(book.expireLeases(at(6))).isEmpty();
    }

    @Test
    void whenTheLastFiringAlertResolvesTheIncidentResolves() {
        IncidentAlert latency = alert("HighLatency", at(0));
        IncidentAlert errors = alert("ErrorRate", at(2));
        Incident incident = fire(latency, at(0)).incident();
        fire(errors, at(2));

        assertThat(resolve(latency, at(10)).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("alert_resolved");
            assertThat(entry.detail()).containsEntry("fingerprint", "HighLatency/web").doesNotContainKey("value");
        });
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);

        IncidentChange last = resolve(errors, at(12));
        assertThat(kinds(last)).containsExactly("alert_resolved", "resolved");
        assertThat(last.entries().get(1))
                .isEqualTo(new TimelineEntry(at(12), "resolved", "system", Map.of("reason", "all alerts resolved")));
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.resolvedAt()).isEqualTo(at(12));
        assertThat(incident.resolvedBy()).isEqualTo("system");
        assertThat(book.openCount()).isZero();
        assertThat(due(at(60))).isEmpty();
        assertThat(book.resolved(errors.fingerprint(), at(13))).isEmpty();
        assertThat(book.resolved("unknown", at(13))).isEmpty();
    }

    @Test
    void aNewAlertOfAResolvedGroupWithinReopenWithinReopensItAndEscalationsStartOver() {
        IncidentAlert first = alert("HighLatency", at(0));
        Incident incident = fire(first, at(0)).incident();
        assertThat(due(at(15))).containsExactly("oncall");
        book.acknowledge(incident, "alice", null, at(16));
        resolve(first, at(20));

        IncidentChange reopened = fire(alert("ErrorRate", at(35)), at(35));

        assertThat(reopened.incident().id()).isEqualTo(incident.id());
        assertThat(kinds(reopened)).containsExactly("reopened", "alert_fired");
        assertThat(reopened.entries().get(0)).isEqualTo(new TimelineEntry(at(35), "reopened", "system",
                Map.of("alertname", "ErrorRate", "resolvedFor", 900L)));
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.triggeredAt()).isEqualTo(at(35));
        assertThat(incident.acknowledgedBy()).isNull();
        assertThat(incident.resolvedAt()).isNull();
        assertThat(due(at(49))).isEmpty();
        assertThat(due(at(50))).containsExactly("oncall");
    }

    @Test
    void aNewAlertOfAResolvedGroupOpensANewIncidentAfterReopenWithinOrWhenItIsZero() {
        IncidentAlert web = alert("HighLatency", at(0));
        Incident oldWeb = fire(web, at(0)).incident();
        resolve(web, at(10));
        IncidentAlert db = alert("DiskFull", "db", "critical", at(0));
        Incident oldDb = fire(DB, db, Duration.ZERO, at(0)).incident();
        resolve(db, at(10));

        IncidentChange late = fire(alert("ErrorRate", at(41)), at(41));
        // At the very instant it resolved: with zero, not even then.
        IncidentChange never = fire(DB, alert("DiskFull", "db", "critical", at(10)), Duration.ZERO, at(10));

        assertThat(List.of(late, never)).extracting(c -> c.incident().id()).doesNotContain(oldWeb.id(), oldDb.id())
                .doesNotHaveDuplicates();
        assertThat(List.of(late, never)).extracting(IncidentBookTest::kinds).containsOnly(List.of("alert_fired"));
        assertThat(book.openCount()).isEqualTo(2);
    }

    @Test
    void acknowledgingRecordsWhoAndTheCommentStopsEscalationsAndConflictsTheSecondTime() {
        Incident incident = fire(alert("HighLatency", at(0)), at(0)).incident();

        IncidentChange change = book.acknowledge(incident, "alice", "looking into it", at(10));

        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo("alice");
        assertThat(incident.acknowledgedAt()).isEqualTo(at(10));
        assertThat(change.entries()).containsExactly(new TimelineEntry(at(10), "acknowledged", "user:alice",
                Map.of("comment", "looking into it")));
        assertThat(book.openCount()).isEqualTo(1);
        // Acknowledged before the first escalation's 15 minutes: nobody else is paged.
        assertThat(due(at(15))).isEmpty();
        assertThat(due(at(60))).isEmpty();
        assertThatThrownBy(() -> book.acknowledge(incident, "bob", null, at(17)))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("already acknowledged by alice");
        assertThat(incident.acknowledgedBy()).isEqualTo("alice");
    }

    @Test
    void resolvingByHandRecordsWhoAndHowManyAlertsStillFireAndThenConflicts() {
        Incident incident = fire(alert("HighLatency", at(0)), at(0)).incident();
        fire(alert("ErrorRate", at(1)), at(1));

        IncidentChange change = book.resolve(incident, "bob", "false alarm", at(20));

        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.resolvedBy()).isEqualTo("bob");
        assertThat(incident.resolvedAt()).isEqualTo(at(20));
        assertThat(change.entries()).containsExactly(new TimelineEntry(at(20), "resolved", "user:bob",
                Map.of("comment", "false alarm", "alertsStillFiring", 2L)));
        assertThat(book.openCount()).isZero();
        assertThatThrownBy(() -> book.resolve(incident, "carol", null, at(21)))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("already resolved");
        assertThatThrownBy(() -> book.acknowledge(incident, "carol", null, at(21)))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("is resolved");
        assertThat(incident.resolvedBy()).isEqualTo("bob");
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void commentsAreRecordedInAnyStatus() {
        Incident incident = fire(alert("HighLatency", at(0)), at(0)).incident();
        IncidentChange triggered = book.comment(incident, "alice", "seeing 500s", at(1));
        book.acknowledge(incident, "alice", null, at(2));
        IncidentChange acknowledged = book.comment(incident, "alice", "rolling back", at(3));
        book.resolve(incident, "alice", null, at(4));
        IncidentChange resolved = book.comment(incident, "bob", "cause: bad deploy", at(5));

        assertThat(List.of(triggered, acknowledged, resolved)).flatMap(IncidentChange::entries).containsExactly(
                new TimelineEntry(at(1), "commented", "user:alice", Map.of("text", "seeing 500s")),
                new TimelineEntry(at(3), "commented", "user:alice", Map.of("text", "rolling back")),
                new TimelineEntry(at(5), "commented", "user:bob", Map.of("text", "cause: bad deploy")));
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void escalationsComeDueInTurnOnceTheirDelayHasPassedAndEachOnlyOnce() {
        IncidentAlert latency = alert("HighLatency", at(0));
        fire(latency, at(0));

        assertThat(book.escalations(ESCALATIONS, Silencer.NONE, at(15).minusSeconds(1))).isEmpty();
        assertThat(book.escalations(ESCALATIONS, Silencer.NONE, at(15))).singleElement().satisfies(escalated -> {
            assertThat(escalated.escalation()).isSameAs(ESCALATIONS.get(0));
            assertThat(escalated.firing()).containsExactly(latency);
            assertThat(escalated.change().entries()).containsExactly(new TimelineEntry(at(15), "escalated", "system",
                    Map.of("receiver", "oncall", "unacknowledgedFor", 900L, "after", 900L)));
        });
        assertThat(due(at(16))).isEmpty();
        assertThat(due(at(30))).containsExactly("managers");
        assertThat(due(at(90))).isEmpty();
    }

    @Test
    void aSilencedAlertEscalatesNobodyUntilItsSilenceEnds() {
        IncidentAlert latency = alert("HighLatency", at(0));
        fire(latency, at(0));
        Instant silenceEnds = at(40);
        Silencer maintenance = (labels, now) -> "web".equals(labels.get("service")) && now.isBefore(silenceEnds)
                ? List.of("silence-1") : List.of();

        assertThat(book.escalations(ESCALATIONS, maintenance, at(30))).isEmpty();
        assertThat(book.escalations(ESCALATIONS, maintenance, silenceEnds)).extracting(e -> e.escalation().receiver())
                .containsExactly("oncall", "managers");
    }

    @Test
    void anEscalationNeedsAFiringAlertMatchingAllItsMatchers() {
        List<IncidentsConfig.Escalation> dba = List.of(escalation(15, "dba", "severity=\"critical\", service=\"db\""));
        fire(WEB, alert("HighLatency", "web", "critical", at(0)), REOPEN_WITHIN, at(0));
        fire(DB, alert("DiskFull", "db", "warning", at(0)), REOPEN_WITHIN, at(0));
        IncidentAlert resolvedCritical = alert("Replication", "db", "critical", at(0));
        fire(DB, resolvedCritical, REOPEN_WITHIN, at(0));
        resolve(resolvedCritical, at(5));
        assertThat(book.escalations(dba, Silencer.NONE, at(20))).isEmpty();

        fire(DB, alert("DiskAlmostFull", "db", "critical", at(21)), REOPEN_WITHIN, at(21));

        assertThat(book.escalations(dba, Silencer.NONE, at(21))).singleElement()
                .satisfies(e -> assertThat(e.change().incident().key()).isEqualTo(DB.key()));
    }

    @Test
    void anAlertWhoseLeaseRanOutResolvesAtTheLeaseEndAndItsIncidentWithItIfItWasTheLast() {
        Incident alone = fire(leased(alert("HighLatency", at(0)), at(5)), at(0)).incident();
        Incident shared = fire(DB, alert("DiskFull", "db", "critical", at(0)), REOPEN_WITHIN, at(0)).incident();
        fire(DB, leased(alert("Replication", "db", "critical", at(1)), at(6)), REOPEN_WITHIN, at(1));

        assertThat(book.expireLeases(at(5).minusSeconds(1))).isEmpty();
        assertThat(book.expireLeases(at(5))).singleElement().satisfies(change -> {
            assertThat(change.incident()).isSameAs(alone);
            assertThat(change.entries()).extracting(TimelineEntry::kind, TimelineEntry::at)
                    .containsExactly(tuple("alert_resolved", at(5)), tuple("resolved", at(5)));
        });
        assertThat(alone.alerts()).singleElement().extracting(IncidentAlert::resolvedAt).isEqualTo(at(5));
        assertThat(book.expireLeases(at(7))).singleElement().satisfies(change -> {
            assertThat(change.incident()).isSameAs(shared);
            assertThat(kinds(change)).containsExactly("alert_resolved");
        });
        assertThat(shared.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(book.expireLeases(at(8))).isEmpty();
    }

    @Test
    void leasesRunningOutTogetherResolveTheIncidentWhenTheLastOfThemEnded() {
        Incident incident = fire(leased(alert("HighLatency", at(0)), at(10)), at(0)).incident();
        fire(leased(alert("ErrorRate", at(1)), at(6)), at(1));

        book.expireLeases(at(20));

        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.resolvedAt()).isEqualTo(at(10));
    }

    @Test
    void forgettingDropsOnlyIncidentsResolvedBeforeTheCutoff() {
        IncidentAlert old = alert("HighLatency", at(0));
        Incident forgotten = fire(old, at(0)).incident();
        resolve(old, at(10));
        IncidentAlert disk = alert("DiskFull", "db", "critical", at(5));
        Incident open = fire(DB, disk, REOPEN_WITHIN, at(5)).incident();

        book.forgetResolvedBefore(at(10));
        assertThat(book.get(forgotten.id())).isPresent();
        book.forgetResolvedBefore(at(11));

        assertThat(book.get(forgotten.id())).isEmpty();
        assertThat(book.ofAlert(old.fingerprint())).isEmpty();
        assertThat(book.get(open.id())).containsSame(open);
        assertThat(book.ofAlert(disk.fingerprint())).containsSame(open);
        // Forgotten also means it can no longer be reopened, even within reopen_within.
        IncidentChange next = fire(alert("ErrorRate", at(12)), at(12));
        assertThat(next.incident().id()).isNotEqualTo(forgotten.id());
        assertThat(kinds(next)).containsExactly("alert_fired");
    }

    @Test
    void anAlertPostedAgainWithANewStartWhileItFiresIsTheSameAlert() {
        IncidentAlert first = leased(alert("CronMissed", at(0)), at(5));
        IncidentChange opened = fire(first, at(0));
        // A sender that leaves out startsAt gets "now" each time, as Alertmanager's API fills it in.
        IncidentAlert again = leased(alert("CronMissed", at(1)), at(6));

        assertThat(book.firing(WEB, again, REOPEN_WITHIN, at(1)))
                .hasValueSatisfying(change -> assertThat(change.entries()).isEmpty());
        assertThat(opened.incident().alerts()).singleElement().satisfies(a -> {
            assertThat(a.firedAt()).isEqualTo(at(0));
            assertThat(a.leaseEndsAt()).isEqualTo(at(6));
        });
    }

    @Test
    void anIncidentResolvedByHandIsKeptWhileItsAlertsStillFire() {
        IncidentAlert latency = alert("HighLatency", at(0));
        Incident incident = fire(latency, at(0)).incident();
        book.resolve(incident, "bob", null, at(1));

        book.forgetResolvedBefore(at(180));

        assertThat(book.get(incident.id())).containsSame(incident);
        assertThat(book.firing(WEB, latency, REOPEN_WITHIN, at(181))).isEmpty();
        resolve(latency, at(200));
        book.forgetResolvedBefore(at(201));
        assertThat(book.get(incident.id())).isEmpty();
    }

    @Test
    void restoredIncidentsAreFoundAgainAndNewAlertsOfTheirGroupJoinThem() {
        IncidentAlert firing = alert("HighLatency", at(0));
        IncidentAlert gone = alert("RuleRemovedWhileDown", at(0));
        Incident stored = Incident.restored(41, WEB.key(), "HighLatency on web", WEB.groupLabels(),
                IncidentStatus.TRIGGERED, at(0), at(0), null, null, null, null, Set.of(ESCALATIONS.get(0).key()),
                List.of(firing, gone));

        book.restore(List.of(stored), at(10));

        assertThat(book.get(41)).containsSame(stored);
        assertThat(book.ofAlert(firing.fingerprint())).containsSame(stored);
        assertThat(book.openCount()).isEqualTo(1);
        // Resent after the restart: the same alert, now without the lease the restore gave it.
        assertThat(book.firing(WEB, firing, REOPEN_WITHIN, at(5)))
                .hasValueSatisfying(change -> assertThat(change.entries()).isEmpty());
        IncidentChange joined = fire(alert("ErrorRate", at(5)), at(5));
        assertThat(joined.incident()).isSameAs(stored);
        assertThat(kinds(joined)).containsExactly("alert_fired");
        // Never resent: it resolves when the time to confirm it ran out; the others keep the incident open.
        assertThat(book.expireLeases(at(10))).singleElement().satisfies(change -> {
            assertThat(kinds(change)).containsExactly("alert_resolved");
            assertThat(change.entries().getFirst().at()).isEqualTo(at(10));
        });
        assertThat(stored.open()).isTrue();
        // The escalation sent before the restart is not sent again.
        assertThat(due(at(30))).containsExactly("managers");
    }
}
