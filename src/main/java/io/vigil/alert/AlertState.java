package io.vigil.alert;

import java.util.Locale;

/** The states of one alert instance, as Prometheus names them. */
public enum AlertState {
    INACTIVE,
    PENDING,
    FIRING;

    /** The lower-case name Prometheus's APIs and the ALERTS series use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
