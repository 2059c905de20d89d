package io.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.config.ProbeDefinition;

/**
 * The storage layer on whichever database this run uses: H2 by default, PostgreSQL when the suite
 * runs with DATABASE_URL set (as CI does).
 */
@QuarkusTest
class ProbeResultStoreTest {

    @Inject
    ProbeResultStore store;

    @ConfigProperty(name = "vigil.db.kind")
    String kind;

    @Test
    void runsOnTheDatabaseThatDatabaseUrlNames() {
        String url = System.getProperty("DATABASE_URL", System.getenv("DATABASE_URL"));
        assertThat(kind).isEqualTo(url == null || url.isBlank() || url.startsWith("jdbc:h2") ? "h2" : "postgresql");
    }

    @Test
    void lastResultsSurviveARoundTripAndOnlyTheNewestIsKept() {
        Instant at = Instant.parse("2026-11-27T12:00:00.123456Z");
        ProbeState web = state("store-web");
        store.remember(web, new ProbeResult(at, true, 0.25, null, List.of()));
        store.remember(web, new ProbeResult(at.plusSeconds(30), false, 1.5, "connection to 10.0.0.1:443 refused", List.of()));
        store.remember(state("store-db"), new ProbeResult(at, true, 0.01, null, List.of()));

        assertThat(store.flush()).isEqualTo(2);
        Map<String, ProbeLastResult> loaded = store.loadAll();

        ProbeLastResult row = loaded.get("store-web");
        assertThat(row.probeType).isEqualTo("tcp");
        assertThat(row.runAt.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(at.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS));
        assertThat(row.success).isFalse();
        assertThat(row.durationSeconds).isEqualTo(1.5);
        assertThat(row.error).isEqualTo("connection to 10.0.0.1:443 refused");

        store.retainOnly(Set.of("store-db"));
        assertThat(store.loadAll()).containsKey("store-db").doesNotContainKey("store-web");
    }

    @Test
    void anOverlongErrorIsCutToFit() {
        String error = "x".repeat(5000);
        store.remember(state("store-long"), new ProbeResult(Instant.now(), false, 1, error, List.of()));
        store.flush();
        assertThat(store.loadAll().get("store-long").error).hasSize(ProbeLastResult.MAX_ERROR_LENGTH);
    }

    private static ProbeState state(String name) {
        return new ProbeState(new ProbeDefinition(name, "tcp", Duration.ofSeconds(30), Duration.ofSeconds(10), Map.of(),
                new Object()), 5);
    }
}
