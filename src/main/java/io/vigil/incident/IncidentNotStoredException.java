package io.vigil.incident;

/** A person's step was taken but could not be stored in time: the database is down or far too slow. */
public class IncidentNotStoredException extends RuntimeException {

    public IncidentNotStoredException(long id) {
        super("incident " + id + ": the change was made but could not be stored yet; it is retried", null, false,
                false);
    }
}
