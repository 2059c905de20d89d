package io.vigil.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.sample.Labels;

/**
 * The alert instances of one alerting rule and Prometheus's state machine over them
 * (rules/alerting.go Eval): inactive, pending, firing; {@code for}; {@code keep_firing_for};
 * resolved alerts kept for 15 minutes. Pure: the evaluation time is a parameter.
 */
public final class AlertTracker {

    /** Prometheus keeps resolved alerts this long so that a lost "resolved" notification is repaired. */
    public static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

    private final Duration holdFor;
    private final Duration keepFiringFor;
    private final Map<Labels, Alert> active = new LinkedHashMap<>();

    public AlertTracker(Duration holdFor, Duration keepFiringFor) {
        this.holdFor = holdFor;
        this.keepFiringFor = keepFiringFor;
    }

    /**
     * Applies one evaluation's results at {@code ts} and answers the transitions it caused. A
     * duplicate identity fails the evaluation and leaves every alert as it was.
     */
    public synchronized List<AlertTransitioned> evaluate(List<AlertCandidate> results, Instant ts) {
        Set<Labels> present = new HashSet<>();
        for (AlertCandidate result : results) {
            if (!present.add(result.labels())) {
                throw new DuplicateAlertException(result.labels());
            }
        }
        List<AlertTransitioned> transitions = new ArrayList<>();
        for (AlertCandidate result : results) {
            Alert alert = active.get(result.labels());
            if (alert != null && alert.state() != AlertState.INACTIVE) {
                alert.update(result.value(), result.annotations());
            } else {
                // A resolved alert that comes back starts over, as a new pending instance.
                Alert fresh = new Alert(result.labels(), result.annotations(), result.value(), ts);
                active.put(result.labels(), fresh);
                transitions.add(AlertTransitioned.of(fresh, AlertState.INACTIVE, ts));
            }
        }
        Iterator<Alert> alerts = active.values().iterator();
        while (alerts.hasNext()) {
            Alert alert = alerts.next();
            AlertState before = alert.state();
            if (!present.contains(alert.labels())) {
                boolean keepFiring = keepsFiring(alert, ts);
                if (before == AlertState.PENDING || retentionOver(alert, ts)) {
                    alerts.remove();
                }
                if (before != AlertState.INACTIVE && !keepFiring) {
                    alert.resolve(ts);
                    transitions.add(AlertTransitioned.of(alert, before, ts));
                }
                if (!keepFiring) {
                    continue;
                }
            } else {
                alert.keepFiringSince(null);
            }
            Duration activeFor = Duration.between(alert.activeAt(), ts);
            if (alert.state() == AlertState.PENDING && activeFor.compareTo(holdFor) >= 0) {
                alert.fire(ts);
                transitions.add(AlertTransitioned.of(alert, AlertState.PENDING, ts));
            } else if (alert.state() == AlertState.FIRING && activeFor.compareTo(holdFor) < 0) {
                // `for` grew on a reload: the alert has not been active long enough any more.
                alert.backToPending();
                transitions.add(AlertTransitioned.of(alert, AlertState.FIRING, ts));
            }
        }
        return transitions;
    }

    private boolean keepsFiring(Alert alert, Instant ts) {
        if (alert.state() != AlertState.FIRING || keepFiringFor.isZero()) {
            return false;
        }
        if (alert.keepFiringSince() == null) {
            alert.keepFiringSince(ts);
        }
        return Duration.between(alert.keepFiringSince(), ts).compareTo(keepFiringFor) < 0;
    }

    private static boolean retentionOver(Alert alert, Instant ts) {
        return alert.resolvedAt() != null && Duration.between(alert.resolvedAt(), ts).compareTo(RESOLVED_RETENTION) > 0;
    }

    /** Puts back instances stored before a restart; pending and firing ones go on from where they were. */
    public synchronized void restore(Collection<Alert> alerts) {
        alerts.forEach(alert -> active.put(alert.labels(), alert));
    }

    /** Every instance held: pending, firing, and resolved ones within their retention. */
    public synchronized List<Alert> alerts() {
        return List.copyOf(active.values());
    }

    /** The rule's state: the most severe of its instances'. */
    public synchronized AlertState state() {
        AlertState worst = AlertState.INACTIVE;
        for (Alert alert : active.values()) {
            if (alert.state().compareTo(worst) > 0) {
                worst = alert.state();
            }
        }
        return worst;
    }
}
