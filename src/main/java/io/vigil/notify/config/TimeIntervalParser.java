package io.vigil.notify.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.YamlSection;
import io.vigil.notify.config.TimePeriod.Range;

/**
 * The {@code time_intervals} list, read and checked as Alertmanager's {@code timeinterval} package reads it, into
 * {@link TimePeriod}s: weekdays become ISO numbers (Monday 1 to Sunday 7), months numbers, times minutes of the day.
 */
final class TimeIntervalParser {

    private static final Set<String> NAMED_KEYS = Set.of("name", "time_intervals");
    private static final Set<String> PERIOD_KEYS =
            Set.of("times", "weekdays", "days_of_month", "months", "years", "location");
    private static final Set<String> TIME_KEYS = Set.of("start_time", "end_time");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");
    /** Alertmanager's weekday numbers: Sunday is 0, and a range may not wrap past Saturday. */
    private static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    /** Zone names Go's tz database has and Java knows only as abbreviations. */
    private static final Map<String, String> ZONE_ALIASES = Map.of("EST", "-05:00", "MST", "-07:00", "HST", "-10:00");

    /** Turns one {@code start:end} member into a number, or throws with a message for the user. */
    private interface Member {
        int parse(String text);
    }

    private TimeIntervalParser() {
    }

    static Map<String, TimeIntervalConfig> parse(List<YamlSection> sections) {
        Map<String, TimeIntervalConfig> out = new LinkedHashMap<>();
        for (YamlSection section : sections) {
            AlertmanagerConfigParser.checkKeys(section, NAMED_KEYS);
            String name = section.string("name", "");
            if (name.isEmpty()) {
                throw section.error("missing name in time interval");
            }
            if (out.containsKey(name)) {
                throw section.error("name", "time interval \"" + name + "\" is not unique");
            }
            List<TimePeriod> periods = new ArrayList<>();
            for (YamlSection period : section.sections("time_intervals")) {
                periods.add(period(period));
            }
            out.put(name, new TimeIntervalConfig(name, periods));
        }
        return out;
    }

    private static TimePeriod period(YamlSection section) {
        AlertmanagerConfigParser.checkKeys(section, PERIOD_KEYS);
        List<Range> times = new ArrayList<>();
        for (YamlSection time : section.sections("times")) {
            times.add(time(time));
        }
        List<Range> weekdays = new ArrayList<>();
        for (Range r : ranges(section, "weekdays", TimeIntervalParser::weekday)) {
            // Sunday is first in Alertmanager's week and last in ISO's: 'sunday:tuesday' is Sunday plus Monday-Tuesday.
            if (r.start() == 0) {
                weekdays.add(new Range(7, 7));
                if (r.end() > 0) {
                    weekdays.add(new Range(1, r.end()));
                }
            } else {
                weekdays.add(r);
            }
        }
        return new TimePeriod(times, weekdays, ranges(section, "days_of_month", TimeIntervalParser::number),
                ranges(section, "months", TimeIntervalParser::month),
                ranges(section, "years", TimeIntervalParser::number),
                location(section));
    }

    private static Range time(YamlSection section) {
        AlertmanagerConfigParser.checkKeys(section, TIME_KEYS);
        String start = section.string("start_time", "");
        String end = section.string("end_time", "");
        if (start.isEmpty() || end.isEmpty()) {
            throw section.error("both start_time and end_time must be provided");
        }
        Range range = new Range(minutes(section, "start_time", start), minutes(section, "end_time", end));
        if (range.start() >= range.end()) {
            throw section.error("start_time", "start time " + start + " must be before end time " + end);
        }
        return range;
    }

    private static int minutes(YamlSection section, String key, String text) {
        if (!TIME.matcher(text).matches()) {
            throw section.error(key, "\"" + text + "\" is not a time of day: write HH:MM, from 00:00 to 24:00");
        }
        return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
    }

    /** Each list member is one value or {@code start:end}; ranges are checked as Alertmanager checks them. */
    private static List<Range> ranges(YamlSection section, String key, Member member) {
        List<String> texts = AlertmanagerConfigParser.stringList(section, key);
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).toLowerCase(Locale.ROOT).strip();
            try {
                String[] parts = text.split(":", -1);
                if (parts.length > 2) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a value or a start:end range");
                }
                Range range = new Range(member.parse(parts[0]), member.parse(parts[parts.length - 1]));
                check(key, range);
                out.add(range);
            } catch (IllegalArgumentException e) {
                throw section.document().error(section.pointerOf(key).appendIndex(i), e.getMessage());
            }
        }
        return out;
    }

    private static void check(String key, Range r) {
        switch (key) {
            case "weekdays" -> require(r.start() <= r.end(), "start day " + WEEKDAYS.get(r.start())
                    + " is after end day " + WEEKDAYS.get(r.end())
                    + " (a week runs sunday to saturday: list the days separately)");
            case "days_of_month" -> {
                for (int day : new int[] {r.start(), r.end()}) {
                    require(day != 0 && day >= -31 && day <= 31,
                            day + " is not a valid day of the month: out of range");
                }
                require(!(r.start() < 0 && r.end() > 0), "end day must be negative if start day is negative");
                // Months have at least 28 days: a range empty even then is a mistake in every month.
                int start = r.start() < 0 ? 28 + r.start() : r.start();
                int end = r.end() < 0 ? 28 + r.end() : r.end();
                require(start <= end, "end day " + r.end() + " is always before start day " + r.start());
            }
            case "months" -> require(r.start() <= r.end(),
                    "end month " + MONTHS.get(r.end() - 1) + " is before start month " + MONTHS.get(r.start() - 1));
            default -> require(r.start() <= r.end(), "end year " + r.end() + " is before start year " + r.start());
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int weekday(String text) {
        int day = WEEKDAYS.indexOf(text);
        require(day >= 0, "\"" + text + "\" is not a valid weekday (write its full name, e.g. monday)");
        return day;
    }

    private static int month(String text) {
        int month = MONTHS.indexOf(text) + 1;
        if (month == 0) {
            month = text.matches("\\d{1,2}") ? Integer.parseInt(text) : 0;
        }
        require(month >= 1 && month <= 12, "\"" + text + "\" is not a valid month (a name, or 1 to 12)");
        return month;
    }

    private static int number(String text) {
        require(text.matches("-?\\d{1,9}"), "\"" + text + "\" is not a whole number");
        return Integer.parseInt(text);
    }

    /** Go's time.LoadLocation: an IANA name, or {@code Local}; Alertmanager documents UTC as the default. */
    private static ZoneId location(YamlSection section) {
        String name = section.string("location", null);
        if (name == null || name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name, ZONE_ALIASES);
        } catch (DateTimeException e) {
            throw section.error("location", "unknown time zone \"" + name + "\"");
        }
    }
}
