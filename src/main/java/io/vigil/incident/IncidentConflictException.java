package io.vigil.incident;

/** A person asked for a step the incident's status does not allow, such as acknowledging a resolved incident. */
public class IncidentConflictException extends RuntimeException {

    public IncidentConflictException(String message) {
        super(message, null, false, false);
    }
}
