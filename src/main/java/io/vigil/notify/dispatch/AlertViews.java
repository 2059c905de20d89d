package io.vigil.notify.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the API's view of the held alerts from the groups that hold them. */
final class AlertViews {

    private AlertViews() {
    }

    static List<AlertView> of(Collection<TrackedAlert> alerts) {
        List<AlertView> views = new ArrayList<>(alerts.size());
        for (TrackedAlert tracked : alerts) {
            TreeSet<String> receivers = new TreeSet<>();
            TreeSet<String> silenced = new TreeSet<>();
            TreeSet<String> inhibited = new TreeSet<>();
            TreeSet<String> muted = new TreeSet<>();
            for (AggregationGroup group : tracked.groups) {
                receivers.add(group.receiver());
                for (Reason reason : group.suppressed.getOrDefault(tracked.fingerprint(), Map.of()).values()) {
                    switch (reason.kind()) {
                        case SILENCED -> silenced.add(reason.by());
                        case INHIBITED -> inhibited.add(reason.by());
                        case MUTED -> muted.add(reason.by());
                    }
                }
            }
            views.add(new AlertView(tracked.fingerprint(), tracked.alert, List.copyOf(receivers),
                    List.copyOf(silenced), List.copyOf(inhibited), List.copyOf(muted)));
        }
        return views;
    }
}
