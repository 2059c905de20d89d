package io.vigil.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.notify.Matcher;
import io.vigil.notify.Matchers;
import io.vigil.notify.silence.Silences;

/**
 * Silences at Alertmanager's own paths ({@code /api/v2/silences}, {@code /api/v2/silence/{id}}), so that
 * {@code amtool silence add|query|expire --alertmanager.url=<vigil>} works unchanged.
 */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class AlertmanagerSilencesResource {

    @Inject
    Silences silences;

    @Inject
    Clock clock;

    @GET
    @Path("/silences")
    public List<SilenceViews.GettableSilence> list(@QueryParam("filter") List<String> filter) {
        List<Matcher> matchers = new ArrayList<>();
        for (String text : filter == null ? List.<String>of() : filter) {
            try {
                matchers.addAll(Matchers.parse(text));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("filter: " + e.getMessage());
            }
        }
        Instant now = clock.instant();
        return silences.list().stream().filter(s -> SilenceViews.matchesFilter(s, matchers))
                .map(s -> SilenceViews.view(s, now)).toList();
    }

    @POST
    @Path("/silences")
    @Consumes(MediaType.APPLICATION_JSON)
    public SilenceViews.Created save(SilenceViews.PostableSilence body) {
        return SilenceViews.save(silences, body);
    }

    @GET
    @Path("/silence/{id}")
    public SilenceViews.GettableSilence get(@PathParam("id") String id) {
        return silences.get(id).map(s -> SilenceViews.view(s, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("no silence with id \"" + id + "\""));
    }

    /** 200, not 204: amtool's client accepts only the statuses of Alertmanager's spec. */
    @DELETE
    @Path("/silence/{id}")
    public Response expire(@PathParam("id") String id) {
        SilenceViews.expire(silences, id);
        return Response.ok().build();
    }
}
