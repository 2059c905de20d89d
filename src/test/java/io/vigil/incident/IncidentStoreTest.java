package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.config.IncidentsConfig;
import io.vigil.notify.Matchers;
import io.vigil.notify.dispatch.Silencer;
import io.vigil.sample.Labels;

/**
 * What a restart reads back is what was written: status, people, escalations sent, alerts with their values and
 * leases, and the timeline. Runs on H2 and, in CI, on PostgreSQL.
 */
@QuarkusTest
class IncidentStoreTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(30));

    @Inject
    IncidentStore store;

    @Test
    void anIncidentReadBackAfterARestartIsTheOneThatWasWritten() {
        IncidentBook book = new IncidentBook(counter(store.lastId()));
        IncidentGroup group = new IncidentGroup("{service=\"db\"}#" + T0, Map.of("service", "db"));
        IncidentAlert disk = new IncidentAlert("aa01", Labels.of("alertname", "DiskFull", "service", "db"),
                Map.of("summary", "Disk | full\nagain"), 97.5, T0, null, null);
        IncidentAlert replica = new IncidentAlert("aa02", Labels.of("alertname", "ReplicaLag", "service", "db"),
                Map.of(), null, T0.plusSeconds(60), null, T0.plusSeconds(400));
        IncidentChange opened = book.firing(group, disk, Duration.ZERO, T0).orElseThrow();
        IncidentChange joined = book.firing(group, replica, Duration.ZERO, T0.plusSeconds(60)).orElseThrow();
        IncidentsConfig.Escalation escalation = new IncidentsConfig.Escalation(
                Matchers.parse("service=\"db\""), Duration.ofMinutes(5), "oncall", "vigil.yaml", 3);
        List<IncidentBook.Escalated> escalated = book.escalations(List.of(escalation), Silencer.NONE, T0.plusSeconds(300));
        IncidentChange acknowledged = book.acknowledge(opened.incident(), "alice", "on it", T0.plusSeconds(320));
        store.save(List.of(opened, joined, escalated.getFirst().change(), acknowledged));

        long id = opened.incident().id();
        Incident read = store.loadRecent(T0).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        assertThat(read.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(read.acknowledgedBy()).isEqualTo("alice");
        assertThat(read.acknowledgedAt()).isEqualTo(T0.plusSeconds(320));
        assertThat(read.openedAt()).isEqualTo(T0);
        assertThat(read.title()).isEqualTo("Disk | full\nagain");
        assertThat(read.groupLabels()).isEqualTo(Map.of("service", "db"));
        assertThat(read.escalationsSent()).isEqualTo(Set.of(escalation.key()));
        assertThat(read.alerts()).containsExactly(disk, replica);
        assertThat(store.entries(id)).extracting(TimelineEntry::kind).containsExactly("alert_fired", "alert_fired",
                "escalated", "acknowledged");
        assertThat(store.entries(id).get(0).detail()).containsEntry("value", 97.5)
                .containsEntry("labels", Map.of("alertname", "DiskFull", "service", "db"));
        assertThat(store.entries(id).get(3)).isEqualTo(acknowledged.entries().getFirst());

        IncidentBook restarted = new IncidentBook(counter(store.lastId()));
        restarted.restore(store.loadRecent(T0), T0.plusSeconds(450));
        assertThat(restarted.ofAlert("aa02")).map(Incident::id).contains(id);
        assertThat(restarted.escalations(List.of(escalation), Silencer.NONE, T0.plusSeconds(900))).isEmpty();
        IncidentChange resolved = restarted.resolved("aa01", T0.plusSeconds(500)).orElseThrow();
        assertThat(resolved.incident().open()).isTrue();
        // Other tests' incidents share the database: look at this one's.
        assertThat(restarted.expireLeases(T0.plusSeconds(500))).filteredOn(change -> change.incident().id() == id)
                .singleElement()
                .satisfies(change -> assertThat(change.incident().status()).isEqualTo(IncidentStatus.RESOLVED));
    }

    @Test
    void listsNewestFirstAndFiltersByStatus() {
        IncidentBook book = new IncidentBook(counter(store.lastId()));
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1));
        IncidentChange first = fire(book, "x-one", later);
        IncidentChange second = fire(book, "x-two", later.plusSeconds(10));
        IncidentChange resolved = book.resolve(first.incident(), "bob", null, later.plusSeconds(20));
        store.save(List.of(first, second, resolved));

        List<Incident> newest = store.list(null, 2, 0);
        assertThat(newest).extracting(Incident::id).containsExactly(second.incident().id(), first.incident().id());
        assertThat(store.list(IncidentStatus.RESOLVED, 100, 0)).extracting(Incident::id)
                .contains(first.incident().id()).doesNotContain(second.incident().id());
        assertThat(store.list(null, 1, 1)).extracting(Incident::id).containsExactly(first.incident().id());
        assertThat(store.find(first.incident().id())).map(Incident::resolvedBy).isEqualTo(Optional.of("bob"));
    }

    private static IncidentChange fire(IncidentBook book, String service, Instant at) {
        IncidentAlert alert = new IncidentAlert(service, Labels.of("alertname", "Down", "service", service),
                Map.of(), 0.0, at, null, null);
        return book.firing(new IncidentGroup(service + at, Map.of("service", service)), alert, Duration.ZERO, at)
                .orElseThrow();
    }

    /** Ids far above the running service's, which may open incidents of its own meanwhile. */
    private static LongSupplier counter(long last) {
        AtomicLong ids = new AtomicLong(last + 1_000_000);
        return ids::incrementAndGet;
    }
}
