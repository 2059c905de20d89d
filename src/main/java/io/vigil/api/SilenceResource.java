package io.vigil.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.vigil.notify.silence.Silence;
import io.vigil.notify.silence.Silences;

/** Silences as Alertmanager's v2 API shapes them: list, create or change, expire. */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

    @Inject
    Silences silences;

    @Inject
    Clock clock;

    @GET
    public List<SilenceViews.GettableSilence> list(@QueryParam("state") String state,
            @QueryParam("limit") @DefaultValue("1000") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        if (state != null && !List.of("", "pending", "active", "expired").contains(state)) {
            throw ProblemException.badRequest("state must be pending, active or expired, got \"" + state + "\"");
        }
        Instant now = clock.instant();
        return silences.list().stream().map(s -> SilenceViews.view(s, now))
                .filter(v -> state == null || state.isEmpty() || v.status().state().equals(state))
                .skip(offset).limit(limit).toList();
    }

    @GET
    @Path("/{id}")
    public SilenceViews.GettableSilence get(@PathParam("id") String id) {
        return silences.get(id).map(s -> SilenceViews.view(s, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("no silence with id \"" + id + "\""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SilenceViews.Created save(SilenceViews.PostableSilence body) {
        return SilenceViews.save(silences, body);
    }

    @DELETE
    @Path("/{id}")
    public void expire(@PathParam("id") String id) {
        SilenceViews.expire(silences, id);
    }
}
