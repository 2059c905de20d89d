package io.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void firstRunFallsWithinOneIntervalAndIsStableForAName() {
        Instant first = ProbeSchedule.firstRun(NOW, "web", INTERVAL);
        assertThat(first).isBetween(NOW, NOW.plus(INTERVAL));
        assertThat(ProbeSchedule.firstRun(NOW.plusMillis(7), "web", INTERVAL))
                .as("the same slot after a restart a moment later").isEqualTo(first);
        assertThat(Math.floorMod(first.toEpochMilli(), INTERVAL.toMillis()))
                .as("the offset within the interval depends on the name only")
                .isEqualTo(Math.floorMod(ProbeSchedule.firstRun(NOW.plus(Duration.ofHours(5)), "web", INTERVAL).toEpochMilli(),
                        INTERVAL.toMillis()));
    }

    @Test
    void manyProbesWithOneIntervalAreSpreadOverIt() {
        Duration second = Duration.ofSeconds(1);
        Set<Long> tenthsOfASecond = new HashSet<>();
        IntStream.range(0, 2000).forEach(i -> tenthsOfASecond.add(
                Math.floorMod(ProbeSchedule.firstRun(NOW, "web-" + i, second).toEpochMilli(), 1000L) / 100));
        assertThat(tenthsOfASecond).as("every tenth of the second gets some probes").hasSize(10);
    }

    @Test
    void nextRunIsOneIntervalLater() {
        Instant planned = ProbeSchedule.firstRun(NOW, "web", INTERVAL);
        assertThat(ProbeSchedule.next(planned, INTERVAL, planned.plusMillis(3))).isEqualTo(planned.plus(INTERVAL));
    }

    @Test
    void runsMissedDuringAStallAreSkippedNotBurst() {
        Instant planned = ProbeSchedule.firstRun(NOW, "web", INTERVAL);
        Instant afterStall = planned.plus(Duration.ofSeconds(95));
        Instant next = ProbeSchedule.next(planned, INTERVAL, afterStall);
        assertThat(next).isEqualTo(planned.plus(Duration.ofSeconds(120)));
    }
}
