package io.vigil.notify.silence;

/** A silence request that cannot be honoured; the message names the field. */
public class SilenceException extends RuntimeException {

    private final boolean notFound;

    public SilenceException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
