package io.vigil.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

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

import io.vigil.notify.MatchType;
import io.vigil.notify.Matcher;
import io.vigil.notify.silence.Silence;
import io.vigil.notify.silence.SilenceException;
import io.vigil.notify.silence.Silences;
import io.vigil.sample.Labels;

/** Silences as Alertmanager's v2 API shapes them: list, create or change, expire. */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

    @Inject
    Silences silences;

    @Inject
    Clock clock;

    /** Alertmanager's {@code matcher}. {@code isEqual} defaults to true, as in Alertmanager. */
    public record MatcherBody(String name, String value, Boolean isRegex, Boolean isEqual) {
    }

    /** Alertmanager's {@code postableSilence}; an {@code id} changes that silence. */
    public record PostableSilence(String id, List<MatcherBody> matchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
    }

    public record SilenceStatus(String state) {
    }

    /** Alertmanager's {@code gettableSilence}. */
    public record GettableSilence(String id, SilenceStatus status, Instant updatedAt, List<MatcherBody> matchers,
            Instant startsAt, Instant endsAt, String createdBy, String comment) {
    }

    public record Created(String silenceID) {
    }

    @GET
    public List<GettableSilence> list(@QueryParam("state") String state,
            @QueryParam("limit") @DefaultValue("1000") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        if (state != null && !List.of("", "pending", "active", "expired").contains(state)) {
            throw ProblemException.badRequest("state must be pending, active or expired, got \"" + state + "\"");
        }
        Instant now = clock.instant();
        return silences.list().stream().map(s -> view(s, now))
                .filter(v -> state == null || state.isEmpty() || v.status().state().equals(state))
                .skip(offset).limit(limit).toList();
    }

    @GET
    @Path("/{id}")
    public GettableSilence get(@PathParam("id") String id) {
        return silences.get(id).map(s -> view(s, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("no silence with id \"" + id + "\""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Created save(PostableSilence body) {
        if (body == null) {
            throw ProblemException.badRequest("body: a silence is required");
        }
        try {
            return new Created(silences.save(body.id(), matchers(body.matchers()), body.startsAt(), body.endsAt(),
                    body.createdBy(), body.comment()));
        } catch (SilenceException e) {
            throw e.notFound() ? ProblemException.notFound(e.getMessage()) : ProblemException.badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("/{id}")
    public void expire(@PathParam("id") String id) {
        try {
            silences.expire(id);
        } catch (SilenceException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }

    private static List<Matcher> matchers(List<MatcherBody> bodies) {
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; bodies != null && i < bodies.size(); i++) {
            MatcherBody body = bodies.get(i);
            String field = "matchers[" + i + "]";
            if (body == null || body.name() == null || !Labels.isValidName(body.name())) {
                throw ProblemException.badRequest(field + ".name: not a valid label name: "
                        + (body == null ? "null" : "\"" + body.name() + "\""));
            }
            if (body.value() == null) {
                throw ProblemException.badRequest(field + ".value: required");
            }
            MatchType type = MatchType.of(Boolean.TRUE.equals(body.isRegex()), !Boolean.FALSE.equals(body.isEqual()));
            try {
                out.add(new Matcher(body.name(), type, body.value()));
            } catch (PatternSyntaxException e) {
                throw ProblemException.badRequest(field + ".value: not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return out;
    }

    private static GettableSilence view(Silence silence, Instant now) {
        List<MatcherBody> matchers = silence.matchers().stream()
                .map(m -> new MatcherBody(m.name(), m.value(), m.type().isRegex(), m.type().isEqual())).toList();
        return new GettableSilence(silence.id(), new SilenceStatus(silence.state(now).wire()), silence.updatedAt(),
                matchers, silence.startsAt(), silence.endsAt(), silence.createdBy(), silence.comment());
    }
}
