package io.vigil.incident;

import java.util.Locale;
import java.util.Optional;

/** Where an incident stands, as PagerDuty names it. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    /** The name the API and the database use. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> fromWire(String text) {
        for (IncidentStatus status : values()) {
            if (status.wire().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
