package io.vigil.notify.config;

import java.time.Duration;
import java.util.List;

import io.vigil.notify.Matcher;

/**
 * One node of the routing tree with everything inherited from its parents already filled in.
 *
 * @param groupBy       label names to group by; ignored when {@code groupByAll}
 * @param groupByAll    {@code group_by: ['...']}: every label set is its own group
 * @param matchers      empty on the root route, which matches everything
 * @param continueMatching {@code continue:} go on to the next sibling after this route matched
 * @param muteTimeIntervals   names of {@code time_intervals} during which this route sends nothing
 * @param activeTimeIntervals names of {@code time_intervals} outside which this route sends nothing (none: always)
 * @param path          where it is in the file, e.g. {@code route.routes[1].routes[0]}, for messages and group keys
 */
public record RouteConfig(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
        Duration groupInterval, Duration repeatInterval, List<Matcher> matchers, boolean continueMatching,
        List<String> muteTimeIntervals, List<String> activeTimeIntervals, List<RouteConfig> routes, String path) {

    /** Alertmanager's defaults ({@code dispatch/route.go DefaultRouteOpts}). */
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    public RouteConfig {
        groupBy = List.copyOf(groupBy);
        matchers = List.copyOf(matchers);
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
        routes = List.copyOf(routes);
    }
}
