package io.vigil.alert;

import io.vigil.sample.Labels;

/** Two results of one evaluation became the same alert: Prometheus fails the whole rule then. */
public class DuplicateAlertException extends RuntimeException {

    public DuplicateAlertException(Labels labels) {
        super("vector contains metrics with the same labelset after applying alert labels: " + labels, null, false, false);
    }
}
