package io.vigil.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vigil.config.ConfigException;

/** Turns errors into problem+json answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status().getStatusCode(), e.status().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidConfig(ConfigException e) {
        return respond(400, "Invalid configuration", e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    static Response respond(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }
}
