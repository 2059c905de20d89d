package io.vigil.notify.delivery;

/** A notification could not be rendered: retrying cannot help. */
public class RenderException extends RuntimeException {

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
