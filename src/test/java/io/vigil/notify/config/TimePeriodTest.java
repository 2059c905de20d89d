package io.vigil.notify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.notify.config.TimePeriod.Range;

/** Time intervals as Alertmanager reads and evaluates them, from {@link AlertmanagerConfigSamples#TIME_PERIODS}. */
class TimePeriodTest {

    private static final Map<String, TimeIntervalConfig> INTERVALS =
            AlertmanagerConfigParserTest.parse(AlertmanagerConfigSamples.TIME_PERIODS).timeIntervals();

    private static boolean in(String interval, String instant) {
        return INTERVALS.get(interval).contains(Instant.parse(instant));
    }

    @Test
    void weekdayRangesUseIsoNumbersAndAreCaseInsensitive() {
        assertThat(INTERVALS.get("workdays").periods().get(0).weekdays()).containsExactly(new Range(1, 5));
        // 2024-06-03 is a Monday.
        assertThat(in("workdays", "2024-06-03T00:00:00Z")).isTrue();
        assertThat(in("workdays", "2024-06-07T23:59:59Z")).isTrue();
        assertThat(in("workdays", "2024-06-08T12:00:00Z")).isFalse();
        assertThat(in("workdays", "2024-06-09T12:00:00Z")).isFalse();
    }

    @Test
    void aRangeFromSundayStartsAlertmanagersWeek() {
        assertThat(INTERVALS.get("sunday-to-tuesday").periods().get(0).weekdays())
                .containsExactly(new Range(7, 7), new Range(1, 2));
        assertThat(in("sunday-to-tuesday", "2024-06-09T12:00:00Z")).as("Sunday").isTrue();
        assertThat(in("sunday-to-tuesday", "2024-06-03T12:00:00Z")).as("Monday").isTrue();
        assertThat(in("sunday-to-tuesday", "2024-06-04T12:00:00Z")).as("Tuesday").isTrue();
        assertThat(in("sunday-to-tuesday", "2024-06-05T12:00:00Z")).as("Wednesday").isFalse();
        assertThat(in("sunday-to-tuesday", "2024-06-08T12:00:00Z")).as("Saturday").isFalse();
        assertThat(in("weekend", "2024-06-08T12:00:00Z")).isTrue();
        assertThat(in("weekend", "2024-06-09T12:00:00Z")).isTrue();
        assertThat(in("weekend", "2024-06-07T12:00:00Z")).isFalse();
    }

    @Test
    void negativeDaysOfMonthCountFromTheEndOfEachMonth() {
        assertThat(in("last-three-days", "2023-01-29T00:00:00Z")).isTrue();
        assertThat(in("last-three-days", "2023-01-31T23:59:00Z")).isTrue();
        assertThat(in("last-three-days", "2023-01-28T23:59:00Z")).isFalse();
        assertThat(in("last-three-days", "2023-02-26T00:00:00Z")).as("28-day February").isTrue();
        assertThat(in("last-three-days", "2023-02-25T23:59:00Z")).isFalse();
        assertThat(in("last-three-days", "2024-02-27T00:00:00Z")).as("leap year").isTrue();
        assertThat(in("last-three-days", "2024-02-26T23:59:00Z")).isFalse();
        assertThat(in("last-three-days", "2024-02-29T12:00:00Z")).isTrue();

        assertThat(in("second-to-last-day-of-february", "2023-02-27T12:00:00Z")).isTrue();
        assertThat(in("second-to-last-day-of-february", "2023-02-28T12:00:00Z")).isFalse();
        assertThat(in("second-to-last-day-of-february", "2024-02-28T12:00:00Z")).isTrue();
        assertThat(in("second-to-last-day-of-february", "2024-02-27T12:00:00Z")).isFalse();
        assertThat(in("second-to-last-day-of-february", "2024-03-30T12:00:00Z")).as("March").isFalse();
    }

    @Test
    void daysPastTheEndOfAShortMonthAreClampedToIt() {
        assertThat(in("from-the-28th", "2023-02-28T12:00:00Z")).isTrue();
        assertThat(in("from-the-28th", "2023-02-27T12:00:00Z")).isFalse();
        assertThat(in("from-the-28th", "2023-04-30T12:00:00Z")).isTrue();
    }

    @Test
    void aTimeRangeMayEndAtMidnightWhichItExcludes() {
        assertThat(INTERVALS.get("evening").periods().get(0).times()).containsExactly(new Range(18 * 60, 24 * 60));
        assertThat(in("evening", "2024-06-03T18:00:00Z")).isTrue();
        assertThat(in("evening", "2024-06-03T23:59:59Z")).isTrue();
        assertThat(in("evening", "2024-06-03T17:59:59Z")).isFalse();
        assertThat(in("evening", "2024-06-04T00:00:00Z")).isFalse();
    }

    @Test
    void timesAreReadInTheIntervalsLocationAcrossDaylightSavingTime() {
        TimePeriod office = INTERVALS.get("berlin-office").periods().get(0);
        assertThat(office.location()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(INTERVALS.get("evening").periods().get(0).location()).as("default").isEqualTo(ZoneOffset.UTC);
        // Winter: Berlin is UTC+1.
        assertThat(in("berlin-office", "2024-01-15T08:00:00Z")).isTrue();
        assertThat(in("berlin-office", "2024-01-15T07:59:00Z")).isFalse();
        assertThat(in("berlin-office", "2024-01-15T15:59:00Z")).isTrue();
        assertThat(in("berlin-office", "2024-01-15T16:00:00Z")).isFalse();
        // Summer: UTC+2.
        assertThat(in("berlin-office", "2024-07-15T07:00:00Z")).isTrue();
        assertThat(in("berlin-office", "2024-07-15T06:59:00Z")).isFalse();
        assertThat(in("berlin-office", "2024-07-15T14:59:00Z")).isTrue();
        assertThat(in("berlin-office", "2024-07-15T15:00:00Z")).isFalse();
        // The day clocks go forward (2024-03-31, 02:00 becomes 03:00): already UTC+2 by nine.
        assertThat(in("berlin-office", "2024-03-31T07:00:00Z")).isTrue();
        assertThat(in("berlin-office", "2024-03-31T06:59:00Z")).isFalse();
    }

    @Test
    void monthsAndYearsCombineWithinAPeriodAndPeriodsAddUp() {
        assertThat(INTERVALS.get("winter-of-2021").periods().get(1).months()).containsExactly(new Range(1, 3));
        assertThat(in("winter-of-2021", "2021-12-15T12:00:00Z")).isTrue();
        assertThat(in("winter-of-2021", "2022-02-01T12:00:00Z")).isTrue();
        assertThat(in("winter-of-2021", "2022-03-31T23:59:00Z")).isTrue();
        assertThat(in("winter-of-2021", "2022-04-01T00:00:00Z")).isFalse();
        assertThat(in("winter-of-2021", "2020-12-15T12:00:00Z")).isFalse();
        assertThat(in("winter-of-2021", "2022-12-01T12:00:00Z")).isFalse();
    }

    @Test
    void anIntervalWithNoPeriodsIsNeverAndAnEmptyPeriodIsAlways() {
        assertThat(in("never", "2024-06-03T12:00:00Z")).isFalse();
        assertThat(in("always", "2024-06-03T12:00:00Z")).isTrue();
    }
}
