package io.vigil.notify.config;

import static io.vigil.notify.config.RejectedConfigs.rejected;

import java.util.List;

import io.vigil.notify.config.AlertmanagerConfigSamples.Rejected;

/** Time intervals Vigil rejects; see {@link AlertmanagerConfigSamples}. */
final class RejectedTimeIntervalConfigs {

    /** A route, a receiver and the start of one interval "t"; its first period starts on line 6. */
    private static final String INTERVAL = RejectedConfigs.BASE + """
            time_intervals:
              - name: t
                time_intervals:
            """;
    private static final String PERIOD = "time_intervals[0].time_intervals[0].";

    static final List<Rejected> ALL = List.of(
            rejected("duplicate time interval", true, 6, "time_intervals[1].name: time interval \"office\" is not"
                    + " unique", RejectedConfigs.BASE + """
                    time_intervals:
                      - name: office
                        time_intervals: []
                      - name: office
                        time_intervals: []
                    """),
            rejected("time interval without name", true, 4, "time_intervals[0]: missing name in time interval",
                    RejectedConfigs.BASE + """
                    time_intervals:
                      - time_intervals: []
                    """),
            rejected("abbreviated weekday", true, 6, PERIOD + "weekdays[0]: \"mon\" is not a valid weekday (write its"
                    + " full name, e.g. monday)", INTERVAL + "      - weekdays: ['mon:fri']\n"),
            rejected("weekend as one range", true, 6, PERIOD + "weekdays[0]: start day saturday is after end day sunday"
                    + " (a week runs sunday to saturday: list the days separately)",
                    INTERVAL + "      - weekdays: ['saturday:sunday']\n"),
            rejected("day zero", true, 6, PERIOD + "days_of_month[0]: 0 is not a valid day of the month: out of range",
                    INTERVAL + "      - days_of_month: ['0:5']\n"),
            rejected("negative start, positive end", true, 6, PERIOD + "days_of_month[1]: end day must be negative if"
                    + " start day is negative", INTERVAL + "      - days_of_month: ['1:5', '-1:5']\n"),
            rejected("days reversed", true, 6, PERIOD + "days_of_month[0]: end day 1 is always before start day 5",
                    INTERVAL + "      - days_of_month: ['5:1']\n"),
            rejected("month 13", false, 6, PERIOD + "months[0]: \"13\" is not a valid month (a name, or 1 to 12)",
                    INTERVAL + "      - months: ['13']\n"),
            rejected("months reversed", true, 6, PERIOD + "months[0]: end month january is before start month march",
                    INTERVAL + "      - months: ['march:january']\n"),
            rejected("years reversed", true, 6, PERIOD + "years[0]: end year 2020 is before start year 2022",
                    INTERVAL + "      - years: ['2022:2020']\n"),
            rejected("time without leading zero", true, 7, PERIOD + "times[0].start_time: \"9:00\" is not a time of"
                    + " day: write HH:MM, from 00:00 to 24:00", INTERVAL + """
                          - times:
                              - start_time: '9:00'
                                end_time: '17:00'
                    """),
            rejected("start after end", true, 7, PERIOD + "times[0].start_time: start time 17:00 must be before end"
                    + " time 09:00", INTERVAL + """
                          - times:
                              - start_time: '17:00'
                                end_time: '09:00'
                    """),
            rejected("start without end", true, 7, PERIOD + "times[0]: both start_time and end_time must be provided",
                    INTERVAL + """
                          - times:
                              - start_time: '09:00'
                    """),
            rejected("unknown location", true, 7, PERIOD + "location: unknown time zone \"Mars/Olympus\"", INTERVAL + """
                          - weekdays: [monday]
                            location: Mars/Olympus
                    """),
            rejected("time_zone instead of location", true, 6, PERIOD + "time_zone: unsupported key \"time_zone\""
                    + " (Vigil supports here: days_of_month, location, months, times, weekdays, years)",
                    INTERVAL + "      - time_zone: UTC\n"));

    private RejectedTimeIntervalConfigs() {
    }
}
