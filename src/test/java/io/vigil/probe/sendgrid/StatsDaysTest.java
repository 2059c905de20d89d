package io.vigil.probe.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StatsDaysTest {

    private static final Instant MORNING = Instant.parse("2026-11-27T09:30:00Z");

    @Test
    void aDayLongWindowSpansYesterdayAndToday() {
        assertThat(StatsDays.ending(MORNING, Duration.ofHours(24)))
                .isEqualTo(new StatsDays(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27")));
    }

    @Test
    void longerWindowsReachBackToTheDayTheyStartIn() {
        assertThat(StatsDays.ending(MORNING, Duration.ofHours(48)).start()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(StatsDays.ending(MORNING, Duration.ofHours(58)).start()).isEqualTo(LocalDate.parse("2026-11-24"));
    }

    @Test
    void aShortWindowAsksForTodayAloneUnlessItCrossesMidnight() {
        assertThat(StatsDays.ending(MORNING, Duration.ofHours(1)))
                .isEqualTo(new StatsDays(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-27")));
        assertThat(StatsDays.ending(Instant.parse("2026-11-27T00:20:00Z"), Duration.ofHours(1)))
                .isEqualTo(new StatsDays(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27")));
    }

    @Test
    void daysAreUtcDaysWhateverTheClocksZone() {
        // 23:30 in New York on the 26th is already the 27th in UTC.
        Instant evening = Instant.parse("2026-11-27T04:30:00Z");
        assertThat(StatsDays.ending(evening, Duration.ofHours(2)))
                .isEqualTo(new StatsDays(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-27")));
    }
}
