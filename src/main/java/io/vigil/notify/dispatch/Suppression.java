package io.vigil.notify.dispatch;

import java.time.Instant;

import io.vigil.sample.Labels;

/**
 * An alert of a group that was not sent, and why.
 *
 * @param by the silence id, the inhibition rule with the inhibiting alert's fingerprint, or the time interval name
 */
public record Suppression(String groupKey, String receiver, Labels labels, String fingerprint, Kind kind, String by,
        Instant at) {

    public enum Kind {
        SILENCED, INHIBITED, MUTED
    }
}
