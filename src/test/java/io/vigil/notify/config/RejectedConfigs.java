package io.vigil.notify.config;

import java.util.List;
import java.util.stream.Stream;

import io.vigil.notify.config.AlertmanagerConfigSamples.Rejected;

/** Configs Vigil rejects at the top level, in routes and in inhibit rules; see {@link AlertmanagerConfigSamples}. */
final class RejectedConfigs {

    /** A route and a receiver to put a broken part beside; they take lines 1 and 2. */
    static final String BASE = "route: {receiver: r}\nreceivers: [{name: r}]\n";

    static final String TOP_KEYS = " (Vigil supports here: global, inhibit_rules, receivers, route, time_intervals)";
    static final String ROUTE_KEYS = " (Vigil supports here: active_time_intervals, continue, group_by,"
            + " group_interval, group_wait, matchers, mute_time_intervals, receiver, repeat_interval, routes)";

    static final List<Rejected> ALL = Stream.of(topLevelAndRoutes(), RejectedReceiverConfigs.ALL,
            RejectedTimeIntervalConfigs.ALL).flatMap(List::stream).toList();

    private RejectedConfigs() {
    }

    static Rejected rejected(String name, boolean amtoolRejects, int line, String problem, String yaml) {
        return new Rejected(name, yaml, line, problem, amtoolRejects);
    }

    private static List<Rejected> topLevelAndRoutes() {
        return List.of(
                rejected("unknown top-level key", true, 3, "foo: unsupported key \"foo\"" + TOP_KEYS, BASE + "foo: 1\n"),
                rejected("templates", false, 3, "templates: unsupported key \"templates\": notification templates are"
                        + " Vigil's own files, not part of this config" + TOP_KEYS,
                        BASE + "templates: ['/etc/alertmanager/*.tmpl']\n"),
                rejected("legacy top-level mute_time_intervals", false, 3, "mute_time_intervals: unsupported key"
                        + " \"mute_time_intervals\": use time_intervals, which takes the same entries" + TOP_KEYS,
                        BASE + "mute_time_intervals: [{name: m, time_intervals: []}]\n"),
                rejected("duplicate key", true, 3, "invalid YAML: Duplicate field 'receiver'", """
                        route:
                          receiver: r
                          receiver: s
                        receivers: [{name: r}, {name: s}]
                        """),
                rejected("no route", true, 0, "no route provided: the root route with its default receiver is required",
                        "receivers: [{name: r}]\n"),
                rejected("misspelt route key", true, 2, "route.recevier: unsupported key \"recevier\"" + ROUTE_KEYS, """
                        route:
                          recevier: r
                        receivers: [{name: r}]
                        """),
                rejected("route match", false, 5, "route.routes[0].match: unsupported key \"match\": use matchers,"
                        + " e.g. matchers: ['severity=\"critical\"']" + ROUTE_KEYS, """
                        route:
                          receiver: r
                          routes:
                            - receiver: r
                              match: {severity: critical}
                        receivers: [{name: r}]
                        """),
                rejected("root route without receiver", true, 1, "route: root route must specify a default receiver", """
                        route:
                          group_by: [alertname]
                        receivers: [{name: r}]
                        """),
                rejected("root route with matchers", true, 3, "route.matchers: root route must not have any matchers", """
                        route:
                          receiver: r
                          matchers: [severity=critical]
                        receivers: [{name: r}]
                        """),
                rejected("root route with mute_time_intervals", true, 3,
                        "route.mute_time_intervals: root route must not have any mute time intervals", """
                        route:
                          receiver: r
                          mute_time_intervals: [m]
                        receivers: [{name: r}]
                        time_intervals: [{name: m, time_intervals: [{weekdays: [sunday]}]}]
                        """),
                rejected("undefined receiver", true, 5, "route.routes[0].receiver: undefined receiver \"pager\" used in route",
                        """
                        route:
                          receiver: r
                          routes:
                            - matchers: [a=b]
                              receiver: pager
                        receivers: [{name: r}]
                        """),
                rejected("undefined root receiver", true, 1, "route.receiver: undefined receiver \"x\" used in route",
                        "route: {receiver: x}\nreceivers: [{name: r}]\n"),
                rejected("group_by wildcard and names", true, 3, "route.group_by: cannot have wildcard group_by ('...')"
                        + " and other labels at the same time", """
                        route:
                          receiver: r
                          group_by: ['...', alertname]
                        receivers: [{name: r}]
                        """),
                rejected("group_by duplicate", true, 6, "route.routes[0].group_by[1]: duplicated label \"alertname\" in group_by",
                        """
                        route:
                          receiver: r
                          routes:
                            - group_by:
                                - alertname
                                - alertname
                        receivers: [{name: r}]
                        """),
                rejected("group_by invalid name", true, 3,
                        "route.group_by[0]: invalid label name \"service-name\" in group_by list", """
                        route:
                          receiver: r
                          group_by: [service-name]
                        receivers: [{name: r}]
                        """),
                rejected("group_interval zero", true, 5, "route.routes[0].group_interval: group_interval cannot be zero", """
                        route:
                          receiver: r
                          routes:
                            - matchers: [a=b]
                              group_interval: 0s
                        receivers: [{name: r}]
                        """),
                rejected("repeat_interval zero", true, 3, "route.repeat_interval: repeat_interval cannot be zero", """
                        route:
                          receiver: r
                          repeat_interval: 0
                        receivers: [{name: r}]
                        """),
                rejected("bad duration", true, 6, "route.routes[1].group_wait: not a valid duration string: \"5x\""
                        + " (use a number and a unit: ms, s, m, h, d, w, y, e.g. 30s or 1h30m)", """
                        route:
                          receiver: r
                          routes:
                            - matchers: [a=b]
                            - matchers: [a=c]
                              group_wait: 5x
                        receivers: [{name: r}]
                        """),
                rejected("bad matcher", true, 6, "route.routes[0].matchers[1]: bad matcher \"service-name=\"web\"\":"
                        + " expected a label name, one of =, !=, =~, !~ and a value, e.g. severity=\"critical\"", """
                        route:
                          receiver: r
                          routes:
                            - matchers:
                                - severity="critical"
                                - service-name="web"
                        receivers: [{name: r}]
                        """),
                rejected("bad regex", true, 4, "route.routes[0].matchers[0]: bad matcher \"team=~\"(db\"\":"
                        + " invalid regular expression \"(db\": Unclosed group", """
                        route:
                          receiver: r
                          routes:
                            - matchers: ['team=~"(db"']
                        receivers: [{name: r}]
                        """),
                rejected("matchers not a list", true, 4, "route.routes[0].matchers: must be a list", """
                        route:
                          receiver: r
                          routes:
                            - matchers: severity=critical
                        receivers: [{name: r}]
                        """),
                rejected("undefined time interval", true, 5, "route.routes[0].active_time_intervals[0]: undefined time"
                        + " interval \"office-hours\" used in route (defined: office)", """
                        route:
                          receiver: r
                          routes:
                            - matchers: [a=b]
                              active_time_intervals: [office-hours]
                        receivers: [{name: r}]
                        time_intervals: [{name: office, time_intervals: []}]
                        """),
                rejected("continue not a boolean", true, 5, "route.routes[0].continue: must be true or false, not \"maybe\"",
                        """
                        route:
                          receiver: r
                          routes:
                            - matchers: [a=b]
                              continue: maybe
                        receivers: [{name: r}]
                        """),
                rejected("inhibit source_match", false, 4, "inhibit_rules[0].source_match: unsupported key"
                        + " \"source_match\": use source_matchers (Vigil supports here: equal, source_matchers,"
                        + " target_matchers)", BASE + """
                        inhibit_rules:
                          - source_match: {severity: critical}
                            target_matchers: [severity=warning]
                        """),
                rejected("inhibit equal invalid", true, 6, "inhibit_rules[0].equal[1]: \"service-name\" is not a valid"
                        + " label name", BASE + """
                        inhibit_rules:
                          - source_matchers: [severity=critical]
                            target_matchers: [severity=warning]
                            equal: [alertname, service-name]
                        """),
                rejected("inhibit unterminated value", true, 5, "inhibit_rules[0].target_matchers[0]: bad matcher"
                        + " \"severity=~\"warn\": the value's closing quote is missing", BASE + """
                        inhibit_rules:
                          - source_matchers: [severity=critical]
                            target_matchers: ['severity=~"warn']
                        """),
                rejected("unset environment variable", false, 2,
                        "global.smtp_auth_password: environment variable SMTP_PASSWORD_TYPO is not set", """
                        global:
                          smtp_auth_password: ${SMTP_PASSWORD_TYPO}
                        """ + BASE));
    }
}
