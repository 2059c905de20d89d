package io.vigil.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vigil.config.ConfigException;
import io.vigil.incident.IncidentConflictException;
import io.vigil.incident.IncidentNotFoundException;
import io.vigil.incident.IncidentNotStoredException;

/** Turns errors into problem+json answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status().getStatusCode(), e.status().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownIncident(IncidentNotFoundException e) {
        return respond(404, "Not Found", e.getMessage());
    }

    /** Acknowledging a resolved incident, say: the request is fine, the incident has moved on. */
    @ServerExceptionMapper
    public Response incidentConflict(IncidentConflictException e) {
        return respond(409, "Conflict", e.getMessage());
    }

    /** The database is down: the step is held and retried, and the caller is told it is not stored yet. */
    @ServerExceptionMapper
    public Response incidentNotStored(IncidentNotStoredException e) {
        return respond(503, "Service Unavailable", e.getMessage());
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

    /** A request body that does not fit its shape: name the field, as every API error does. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonParseException e) {
        return respond(400, "Bad Request", "body: not valid JSON: " + e.getOriginalMessage().lines().findFirst()
                .orElse("unreadable") + " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String problem = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        return respond(400, "Bad Request", (field.isEmpty() ? "body" : field) + ": " + problem);
    }

    static Response respond(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }
}
