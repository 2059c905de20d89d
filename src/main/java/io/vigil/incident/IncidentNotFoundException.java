package io.vigil.incident;

/** No incident has the id asked for. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("incident: no incident " + id, null, false, false);
    }
}
