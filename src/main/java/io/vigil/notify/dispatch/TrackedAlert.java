package io.vigil.notify.dispatch;

import java.util.ArrayList;
import java.util.List;

import io.vigil.notify.NotifiableAlert;
import io.vigil.sample.Labels;

/**
 * The dispatcher's one copy of an alert, shared by the alert store and every aggregation group it is in, so a
 * re-posted alert is merged once and every group sees the result.
 */
final class TrackedAlert {

    final Labels labels;
    NotifiableAlert alert;
    /** Bumped on every put; a flush deletes a resolved alert only if it is unchanged since (DeleteIfNotModified). */
    long version;
    /** The groups holding it: what the API shows as its receivers, and what keeps it from garbage collection. */
    final List<AggregationGroup> groups = new ArrayList<>(1);
    private String fingerprint;

    TrackedAlert(NotifiableAlert alert) {
        this.labels = alert.labels();
        this.alert = alert;
    }

    /** Hashing a label set costs more than routing it, so it is done once, when a flush first needs it. */
    String fingerprint() {
        if (fingerprint == null) {
            fingerprint = NotifiableAlert.fingerprint(labels);
        }
        return fingerprint;
    }
}
