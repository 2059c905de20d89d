package io.vigil.notify.dispatch;

/**
 * Why an alert was held back at a flush.
 *
 * @param key what makes it the same reason at the next flush: the silence id, the inhibition rule, the time
 *            interval; a change of inhibiting alert under the same rule is not a new reason
 * @param by  what the recorded {@link Suppression} names
 */
record Reason(Suppression.Kind kind, String key, String by) {

    String identity() {
        return kind + " " + key;
    }
}
