package io.vigil.notify.dispatch;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.vigil.notify.Matcher;
import io.vigil.notify.config.RouteConfig;
import io.vigil.sample.Labels;

/**
 * A node of the routing tree with what routing and grouping need computed once: its matchers, its Alertmanager
 * route key, its group_by names in label order, and its aggregation groups.
 */
final class RouteNode {

    /** Alertmanager sorts a route's matchers by name, then value, then operator before printing its key. */
    private static final Comparator<Matcher> MATCHER_ORDER = Comparator.comparing(Matcher::name)
            .thenComparing(Matcher::value).thenComparing(Matcher::type);

    final RouteConfig config;
    /** {@code {}} for the root, {@code {}/{team="db"}} below it: the first part of a group key. */
    final String key;
    private final Matcher[] matchers;
    private final RouteNode[] children;
    private final String[] groupBy;
    /** Group identity (label values, or the whole label set with {@code ...}) to group. */
    final Map<Object, AggregationGroup> groups = new HashMap<>();

    RouteNode(RouteConfig config, RouteNode parent) {
        this.config = config;
        this.matchers = config.matchers().toArray(Matcher[]::new);
        Matcher[] sorted = matchers.clone();
        Arrays.sort(sorted, MATCHER_ORDER);
        StringBuilder own = new StringBuilder("{");
        for (int i = 0; i < sorted.length; i++) {
            own.append(i > 0 ? "," : "").append(sorted[i]);
        }
        own.append('}');
        this.key = parent == null ? own.toString() : parent.key + "/" + own;
        this.groupBy = new TreeSet<>(config.groupBy()).toArray(String[]::new);
        this.children = config.routes().stream().map(child -> new RouteNode(child, this)).toArray(RouteNode[]::new);
    }

    /**
     * Alertmanager's {@code Route.Match}: depth first, left to right; a matching child stops the search among its
     * siblings unless it has {@code continue}; a node none of whose children match is itself the match. Adds the
     * matches to {@code out} and tells whether this node matched at all.
     */
    boolean match(Labels labels, List<RouteNode> out) {
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        int before = out.size();
        for (RouteNode child : children) {
            if (child.match(labels, out) && !child.config.continueMatching()) {
                break;
            }
        }
        if (out.size() == before) {
            out.add(this);
        }
        return true;
    }

    /** Which group of this route {@code labels} belong to; cheap, as it runs on every put. */
    Object groupId(Labels labels) {
        if (config.groupByAll()) {
            return labels;
        }
        String[] values = new String[groupBy.length];
        for (int i = 0; i < groupBy.length; i++) {
            values[i] = labels.get(groupBy[i]);
        }
        return new GroupValues(values);
    }

    /** The group_by labels the alert has (all of them with {@code ...}); a missing one is left out. */
    Labels groupLabels(Labels labels) {
        if (config.groupByAll()) {
            return labels;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : groupBy) {
            String value = labels.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return Labels.of(kept);
    }

    /** The group_by values of an alert, with null for a missing label; equal arrays mean the same group. */
    private static final class GroupValues {
        private final String[] values;
        private final int hash;

        GroupValues(String[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupValues other && hash == other.hash && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
