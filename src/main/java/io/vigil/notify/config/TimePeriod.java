package io.vigil.notify.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a time interval's list, as Alertmanager's {@code timeinterval.TimeInterval}: a time is inside it when
 * every field given matches it in {@code location}; a field left out matches everything.
 *
 * @param times       minutes of the day, start inclusive, end exclusive ({@code 00:00} to {@code 24:00})
 * @param weekdays    ISO days, Monday 1 to Sunday 7, inclusive ranges
 * @param daysOfMonth inclusive ranges; negative days count from the end of the month (-1 is the last day)
 * @param months      1 to 12, inclusive ranges
 * @param years       inclusive ranges
 */
public record TimePeriod(List<Range> times, List<Range> weekdays, List<Range> daysOfMonth, List<Range> months,
        List<Range> years, ZoneId location) {

    /** An inclusive range of integers, except for {@code times}, where the end is exclusive. */
    public record Range(int start, int end) {
    }

    public TimePeriod {
        times = List.copyOf(times);
        weekdays = List.copyOf(weekdays);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        years = List.copyOf(years);
    }

    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(location);
        int minute = t.getHour() * 60 + t.getMinute();
        return (times.isEmpty() || times.stream().anyMatch(r -> minute >= r.start() && minute < r.end()))
                && inAny(weekdays, t.getDayOfWeek().getValue())
                && (daysOfMonth.isEmpty() || daysOfMonth.stream().anyMatch(r -> inDays(r, t)))
                && inAny(months, t.getMonthValue())
                && inAny(years, t.getYear());
    }

    private static boolean inAny(List<Range> ranges, int value) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> value >= r.start() && value <= r.end());
    }

    /** Negative bounds count back from the month's last day; bounds past the month's end are clamped to it. */
    private static boolean inDays(Range range, ZonedDateTime t) {
        int length = t.toLocalDate().lengthOfMonth();
        int start = range.start() < 0 ? length + range.start() + 1 : range.start();
        int end = range.end() < 0 ? length + range.end() + 1 : range.end();
        start = Math.max(start, 1);
        end = Math.min(end, length);
        return t.getDayOfMonth() >= start && t.getDayOfMonth() <= end;
    }
}
