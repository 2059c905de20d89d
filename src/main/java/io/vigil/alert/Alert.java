package io.vigil.alert;

import java.time.Instant;
import java.util.Map;

import io.vigil.sample.Labels;

/**
 * One alert instance of a rule: its identity (labels after templating), its state and the times
 * Prometheus keeps for it. Mutable, and owned by the {@link AlertTracker} of its rule.
 */
public final class Alert {

    private final Labels labels;
    private Map<String, String> annotations;
    private AlertState state;
    private double value;
    private Instant activeAt;
    private Instant firedAt;
    private Instant resolvedAt;
    private Instant keepFiringSince;

    Alert(Labels labels, Map<String, String> annotations, double value, Instant activeAt) {
        this.labels = labels;
        this.annotations = Map.copyOf(annotations);
        this.value = value;
        this.activeAt = activeAt;
        this.state = AlertState.PENDING;
    }

    /** An instance as it was stored, for restoring state after a restart. */
    public static Alert restored(Labels labels, Map<String, String> annotations, AlertState state, double value,
            Instant activeAt, Instant firedAt, Instant resolvedAt) {
        Alert alert = new Alert(labels, annotations, value, activeAt);
        alert.state = state;
        alert.firedAt = firedAt;
        alert.resolvedAt = resolvedAt;
        return alert;
    }

    public Labels labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public AlertState state() {
        return state;
    }

    public double value() {
        return value;
    }

    public Instant activeAt() {
        return activeAt;
    }

    /** When it last started firing; null if it never fired. */
    public Instant firedAt() {
        return firedAt;
    }

    /** When it resolved; null while active. */
    public Instant resolvedAt() {
        return resolvedAt;
    }

    Instant keepFiringSince() {
        return keepFiringSince;
    }

    void keepFiringSince(Instant at) {
        keepFiringSince = at;
    }

    void update(double newValue, Map<String, String> newAnnotations) {
        value = newValue;
        annotations = Map.copyOf(newAnnotations);
    }

    void fire(Instant at) {
        state = AlertState.FIRING;
        firedAt = at;
    }

    void backToPending() {
        state = AlertState.PENDING;
    }

    void resolve(Instant at) {
        state = AlertState.INACTIVE;
        resolvedAt = at;
    }

    @Override
    public String toString() {
        return "Alert" + labels + "[" + state.label() + ", activeAt=" + activeAt + "]";
    }
}
