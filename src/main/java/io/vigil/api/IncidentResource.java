package io.vigil.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.auth.ApiCaller;
import io.vigil.incident.Incident;
import io.vigil.incident.IncidentNotFoundException;
import io.vigil.incident.IncidentService;
import io.vigil.incident.IncidentStatus;
import io.vigil.incident.IncidentTimeline;
import io.vigil.incident.Postmortem;
import io.vigil.incident.TimelineEntry;

/** Incidents: what broke, who was told, who took it, what changed, and when it ended. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private static final int MAX_NAME = 255;
    private static final int MAX_TEXT = 10_000;

    @Inject
    IncidentService incidents;

    @Inject
    IncidentTimeline timelines;

    @Inject
    ApiCaller caller;

    @Inject
    java.time.Clock clock;

    /** Body of acknowledge and resolve; {@code by} defaults to the API token's name. */
    public record IncidentAction(String by, String comment) {
    }

    /** Body of a comment; {@code by} defaults to the API token's name. */
    public record IncidentComment(String by, String text) {
    }

    @GET
    public List<IncidentViews.IncidentView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        IncidentStatus filter = null;
        if (status != null) {
            filter = IncidentStatus.fromWire(status).orElseThrow(() -> ProblemException.badRequest(
                    "status must be one of triggered, acknowledged, resolved; got \"" + status + "\""));
        }
        return incidents.list(filter, limit, offset).stream().map(i -> IncidentViews.of(i, null)).toList();
    }

    @GET
    @Path("/{id}")
    public IncidentViews.IncidentView get(@PathParam("id") String id) {
        Incident incident = incident(id);
        return IncidentViews.of(incident, timelines.of(incident));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentViews.IncidentView acknowledge(@PathParam("id") String id, IncidentAction body) {
        IncidentAction action = body == null ? new IncidentAction(null, null) : body;
        long incident = incident(id).id();
        return view(incidents.acknowledge(incident, by(action.by()), text("comment", action.comment(), false)));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentViews.IncidentView resolve(@PathParam("id") String id, IncidentAction body) {
        IncidentAction action = body == null ? new IncidentAction(null, null) : body;
        long incident = incident(id).id();
        return view(incidents.resolve(incident, by(action.by()), text("comment", action.comment(), false)));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") String id, IncidentComment body) {
        if (body == null) {
            throw ProblemException.badRequest("body: a comment with its text is required");
        }
        long incident = incident(id).id();
        Incident commented = incidents.comment(incident, by(body.by()), text("text", body.text(), true));
        return Response.status(Response.Status.CREATED).entity(view(commented)).build();
    }

    @GET
    @Path("/{id}/postmortem")
    @Produces("text/markdown; charset=utf-8")
    public String postmortem(@PathParam("id") String id) {
        Incident incident = incident(id);
        List<TimelineEntry> timeline = timelines.of(incident);
        return Postmortem.render(incident, timeline, clock.instant());
    }

    private IncidentViews.IncidentView view(Incident incident) {
        return IncidentViews.of(incident, timelines.of(incident));
    }

    private Incident incident(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("incident: no incident \"" + id + "\"; ids are numbers");
        }
        return incidents.find(number).orElseThrow(() -> new IncidentNotFoundException(number));
    }

    /** Who did it: as given, else the API token's name. */
    private String by(String given) {
        if (given != null && !given.isBlank()) {
            if (given.strip().length() > MAX_NAME) {
                throw ProblemException.badRequest("by: at most " + MAX_NAME + " characters");
            }
            return given.strip();
        }
        return caller.name()
                .orElseThrow(() -> ProblemException.badRequest("by: required, as the request has no token"));
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badRequest(field + ": required and not blank");
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + ": at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
