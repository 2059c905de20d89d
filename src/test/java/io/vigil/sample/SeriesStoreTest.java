package io.vigil.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeriesStoreTest {

    private static final Labels PROBE = Labels.of("probe", "web", "type", "http");

    @Test
    void storesEachSampleUnderItsFullLabelSet() {
        SeriesStore store = new SeriesStore(Clock.systemUTC(), Duration.ofHours(1), 100);
        store.append(1_000, PROBE, List.of(Sample.of("probe_success", 1),
                new Sample("probe_http_duration_seconds", Labels.of("phase", "connect"), 0.01)));

        assertThat(store.seriesOf("probe_success"))
                .containsExactly(new SeriesKey("probe_success", PROBE.with("__name__", "probe_success")));
        SeriesKey phase = store.seriesOf("probe_http_duration_seconds").get(0);
        assertThat(phase.labels().toMap()).containsEntry("phase", "connect").containsEntry("probe", "web");
        assertThat(store.buffer(phase).latest(1_000, 0).value()).isEqualTo(0.01);
    }

    @Test
    void findsSeriesByAnyLabelPairThroughItsIndex() {
        SeriesStore store = new SeriesStore(Clock.systemUTC(), Duration.ofHours(1), 100);
        store.append(1_000, PROBE, List.of(Sample.of("probe_success", 1), Sample.of("probe_duration_seconds", 1)));
        store.append(1_000, Labels.of("probe", "db", "type", "tcp"), List.of(Sample.of("probe_success", 1)));

        assertThat(store.seriesWith("probe", "web")).hasSize(2);
        assertThat(store.seriesWith("__name__", "probe_success")).hasSize(2);
        assertThat(store.seriesWith("type", "tcp")).extracting(k -> k.labels().get("probe")).containsExactly("db");
        assertThat(store.seriesWith("probe", "nope")).isEmpty();
    }

    @Test
    void stopsAddingSeriesAtTheCeilingButKeepsFillingExistingOnes() {
        SeriesStore store = new SeriesStore(Clock.systemUTC(), Duration.ofHours(1), 2);
        store.append(1_000, PROBE, List.of(Sample.of("a", 1), Sample.of("b", 1), Sample.of("c", 1)));
        store.append(2_000, PROBE, List.of(Sample.of("a", 2)));

        assertThat(store.seriesCount()).isEqualTo(2);
        assertThat(store.rejectedSeries()).isEqualTo(1);
        assertThat(store.buffer(store.seriesOf("a").get(0)).size()).isEqualTo(2);
    }

    @Test
    void forgetsSeriesThatStoppedReceivingSamples() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        SeriesStore store = new SeriesStore(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5), 100);
        store.append(now.minus(Duration.ofMinutes(10)).toEpochMilli(), PROBE, List.of(Sample.of("gone", 1)));
        store.append(now.toEpochMilli(), PROBE, List.of(Sample.of("live", 1)));

        assertThat(store.seriesWith("__name__", "gone")).hasSize(1);
        store.dropStaleSeries();

        assertThat(store.seriesOf("gone")).isEmpty();
        assertThat(store.seriesWith("__name__", "gone")).as("gone from the index too").isEmpty();
        assertThat(store.seriesWith("probe", "web")).extracting(SeriesKey::metric).containsExactly("live");
        assertThat(store.seriesOf("live")).hasSize(1);
    }
}
