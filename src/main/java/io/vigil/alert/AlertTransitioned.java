package io.vigil.alert;

import java.time.Instant;
import java.util.Map;

import io.vigil.sample.Labels;

/** An alert instance changed state at an evaluation; published for notifications and incidents. */
public record AlertTransitioned(Labels labels, Map<String, String> annotations, AlertState from, AlertState to,
        double value, Instant activeAt, Instant firedAt, Instant at) {

    static AlertTransitioned of(Alert alert, AlertState from, Instant at) {
        return new AlertTransitioned(alert.labels(), alert.annotations(), from, alert.state(), alert.value(),
                alert.activeAt(), alert.firedAt(), at);
    }
}
