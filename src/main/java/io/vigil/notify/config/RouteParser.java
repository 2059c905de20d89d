package io.vigil.notify.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.config.YamlSection;
import io.vigil.notify.Matcher;
import io.vigil.sample.Labels;

/**
 * The routing tree, built as Alertmanager's {@code dispatch.NewRoute} builds it: a child starts from its parent's
 * receiver, grouping and timers and overrides what it sets; matchers, {@code continue} and time intervals are the
 * route's own and are not inherited.
 */
final class RouteParser {

    private static final Set<String> KEYS = Set.of("receiver", "group_by", "group_wait", "group_interval",
            "repeat_interval", "matchers", "continue", "routes", "mute_time_intervals", "active_time_intervals");
    private static final String GROUP_BY_ALL = "...";

    /** What a child inherits from its parent. */
    private record Inherited(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
            Duration groupInterval, Duration repeatInterval) {
    }

    private final Set<String> receivers;
    private final Set<String> timeIntervals;

    private RouteParser(Set<String> receivers, Set<String> timeIntervals) {
        this.receivers = receivers;
        this.timeIntervals = timeIntervals;
    }

    static RouteConfig parse(YamlSection root, Set<String> receivers, Set<String> timeIntervals) {
        AlertmanagerConfigParser.checkKeys(root, KEYS);
        if (root.string("receiver", "").isEmpty()) {
            throw root.error("root route must specify a default receiver");
        }
        // The root route is the fallback for every alert, so nothing may narrow or silence it.
        for (String key : List.of("matchers", "mute_time_intervals", "active_time_intervals")) {
            if (!AlertmanagerConfigParser.stringList(root, key).isEmpty()) {
                throw root.error(key, "root route must not have any " + key.replace('_', ' '));
            }
        }
        Inherited defaults = new Inherited(null, List.of(), false, RouteConfig.DEFAULT_GROUP_WAIT,
                RouteConfig.DEFAULT_GROUP_INTERVAL, RouteConfig.DEFAULT_REPEAT_INTERVAL);
        return new RouteParser(receivers, timeIntervals).route(root, defaults, "route");
    }

    private RouteConfig route(YamlSection section, Inherited parent, String path) {
        AlertmanagerConfigParser.checkKeys(section, KEYS);
        String receiver = section.string("receiver", "");
        if (!receiver.isEmpty() && !receivers.contains(receiver)) {
            throw section.error("receiver", "undefined receiver \"" + receiver + "\" used in route");
        }
        Inherited own = inherit(section, parent, receiver);
        List<Matcher> matchers = AlertmanagerConfigParser.matchers(section, "matchers");
        boolean continueMatching = section.bool("continue", false);
        List<String> mute = intervals(section, "mute_time_intervals");
        List<String> active = intervals(section, "active_time_intervals");
        List<RouteConfig> children = new ArrayList<>();
        for (YamlSection child : section.sections("routes")) {
            children.add(route(child, own, path + ".routes[" + children.size() + "]"));
        }
        return new RouteConfig(own.receiver(), own.groupBy(), own.groupByAll(), own.groupWait(), own.groupInterval(),
                own.repeatInterval(), matchers, continueMatching, mute, active, children, path);
    }

    private static Inherited inherit(YamlSection section, Inherited parent, String receiver) {
        List<String> groupBy = parent.groupBy();
        boolean groupByAll = parent.groupByAll();
        List<String> names = AlertmanagerConfigParser.stringList(section, "group_by");
        // As in Alertmanager, an empty group_by list inherits like an absent one.
        if (!names.isEmpty()) {
            groupByAll = names.contains(GROUP_BY_ALL);
            if (groupByAll && names.size() > 1) {
                throw section.error("group_by",
                        "cannot have wildcard group_by ('...') and other labels at the same time");
            }
            groupBy = groupByAll ? List.of() : groupByNames(section, names);
        }
        Duration groupInterval = section.duration("group_interval", parent.groupInterval());
        if (groupInterval.isZero()) {
            throw section.error("group_interval", "group_interval cannot be zero");
        }
        Duration repeatInterval = section.duration("repeat_interval", parent.repeatInterval());
        if (repeatInterval.isZero()) {
            throw section.error("repeat_interval", "repeat_interval cannot be zero");
        }
        return new Inherited(receiver.isEmpty() ? parent.receiver() : receiver, groupBy, groupByAll,
                section.duration("group_wait", parent.groupWait()), groupInterval, repeatInterval);
    }

    private static List<String> groupByNames(YamlSection section, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!Labels.isValidName(name)) {
                throw section.document().error(section.pointerOf("group_by").appendIndex(i),
                        "invalid label name \"" + name + "\" in group_by list");
            }
            if (!seen.add(name)) {
                throw section.document().error(section.pointerOf("group_by").appendIndex(i),
                        "duplicated label \"" + name + "\" in group_by");
            }
        }
        return names;
    }

    private List<String> intervals(YamlSection section, String key) {
        List<String> names = AlertmanagerConfigParser.stringList(section, key);
        for (int i = 0; i < names.size(); i++) {
            if (!timeIntervals.contains(names.get(i))) {
                String defined = timeIntervals.isEmpty() ? "none is defined"
                        : "defined: " + String.join(", ", new TreeSet<>(timeIntervals));
                throw section.document().error(section.pointerOf(key).appendIndex(i),
                        "undefined time interval \"" + names.get(i) + "\" used in route (" + defined + ")");
            }
        }
        return names;
    }
}
