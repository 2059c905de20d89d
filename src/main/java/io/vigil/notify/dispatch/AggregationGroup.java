package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.notify.NotifiableAlert;
import io.vigil.sample.Labels;

/**
 * Alertmanager's aggregation group: the alerts of one route with the same group_by values, flushed together on
 * one timer. The dispatcher owns the timer fields; it keeps the group in its deadline queue by them.
 */
final class AggregationGroup {

    final long sequence;
    final RouteNode route;
    final Object id;
    final Labels groupLabels;
    final String groupKey;
    final Map<Labels, TrackedAlert> alerts = new HashMap<>();
    Instant nextFlush;
    boolean hasFlushed;
    /** Per fingerprint, the suppression reasons applying at the last flush, by identity, so each is recorded once. */
    Map<String, Map<String, Reason>> suppressed = new HashMap<>();

    AggregationGroup(long sequence, RouteNode route, Object id, Labels groupLabels, Instant nextFlush) {
        this.sequence = sequence;
        this.route = route;
        this.id = id;
        this.groupLabels = groupLabels;
        this.groupKey = route.key + ":" + format(groupLabels);
        this.nextFlush = nextFlush;
    }

    String receiver() {
        return route.config.receiver();
    }

    void insert(TrackedAlert tracked) {
        if (alerts.putIfAbsent(tracked.labels, tracked) == null) {
            tracked.groups.add(this);
        }
    }

    /** The alerts, sorted by labels, with the version each had: what a flush works on. */
    List<Member> snapshot() {
        List<Member> members = new ArrayList<>(alerts.size());
        for (TrackedAlert tracked : alerts.values()) {
            members.add(new Member(tracked, tracked.alert, tracked.version));
        }
        members.sort((a, b) -> a.tracked().labels.compareTo(b.tracked().labels));
        return members;
    }

    /** An alert of the group as a flush found it. */
    record Member(TrackedAlert tracked, NotifiableAlert alert, long version) {
    }

    /**
     * Alertmanager's {@code DeleteIfNotModified}: the resolved alerts a flush handled leave the group, unless
     * they were posted again meanwhile (they may fire again).
     */
    void deleteResolved(List<Member> resolved) {
        for (Member member : resolved) {
            TrackedAlert tracked = member.tracked();
            if (tracked.version == member.version() && alerts.remove(tracked.labels) != null) {
                tracked.groups.remove(this);
                suppressed.remove(tracked.fingerprint());
            }
        }
    }

    void clear() {
        for (TrackedAlert tracked : alerts.values()) {
            tracked.groups.remove(this);
        }
        alerts.clear();
    }

    boolean isEmpty() {
        return alerts.isEmpty();
    }

    /** A label set as Go prints a {@code model.LabelSet}: {@code {a="x", b="y"}}, values quoted as by %q. */
    static String format(Labels labels) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(labels.name(i)).append('=');
            quote(labels.value(i), out);
        }
        return out.append('}').toString();
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
