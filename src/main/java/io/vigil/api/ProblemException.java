package io.vigil.api;

import jakarta.ws.rs.core.Response;

/** An error the API answers as problem+json; its detail names what was wrong. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public Response.Status status() {
        return status;
    }
}
