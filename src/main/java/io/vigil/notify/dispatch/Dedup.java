package io.vigil.notify.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.vigil.notify.NotificationLogEntry;

/** Alertmanager's dedup decision ({@code notify/dedup_stage.go needsUpdate}): whether, and why, to notify. */
final class Dedup {

    static final String FIRST_NOTIFICATION = "first_notification";
    static final String NEW_ALERTS_ADDED = "new_alerts_added";
    static final String ALL_ALERTS_RESOLVED = "all_alerts_resolved";
    static final String SOME_ALERTS_RESOLVED = "some_alerts_resolved";
    static final String REPEAT_INTERVAL_ELAPSED = "repeat_interval_elapsed";

    private Dedup() {
    }

    /**
     * The reason to notify, or null to stay silent. The checks run in Alertmanager's order; in particular
     * "all resolved" is decided whatever {@code sendResolved} says, so the log forgets the firing alerts, and
     * the repeat interval counts only strictly after {@code repeat} has passed since the last notification.
     *
     * @param firing   fingerprints of the group's alerts firing now, after inhibition, time muting and silences
     * @param resolved fingerprints of those resolved
     */
    static String needsUpdate(NotificationLogEntry last, Set<String> firing, Set<String> resolved,
            boolean sendResolved, Duration repeat, Instant now) {
        if (last == null) {
            return firing.isEmpty() ? null : FIRST_NOTIFICATION;
        }
        if (!last.firing().containsAll(firing)) {
            // After a resolution the receiver knows of nothing firing: this starts over.
            return last.firing().isEmpty() ? FIRST_NOTIFICATION : NEW_ALERTS_ADDED;
        }
        if (firing.isEmpty()) {
            // Fired and resolved since the last notification: the receiver never heard of them.
            return last.firing().isEmpty() ? null : ALL_ALERTS_RESOLVED;
        }
        if (sendResolved && !last.resolved().containsAll(resolved)) {
            return SOME_ALERTS_RESOLVED;
        }
        return last.at().isBefore(now.minus(repeat)) ? REPEAT_INTERVAL_ELAPSED : null;
    }
}
