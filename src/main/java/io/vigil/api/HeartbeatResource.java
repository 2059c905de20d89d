package io.vigil.api;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.auth.ApiAccess;
import io.vigil.auth.ApiTokens;
import io.vigil.probe.ProbeService;
import io.vigil.probe.ProbeState;
import io.vigil.probe.heartbeat.HeartbeatProbe;
import io.vigil.probe.heartbeat.HeartbeatSpec;
import io.vigil.probe.heartbeat.Heartbeats;

/**
 * Where cron jobs and workers say they are alive: {@code POST /api/v1/heartbeats/{name}} with
 * {@code Authorization: Bearer <the probe's token>}. The probe runs at once, so a recovered job turns green without
 * waiting for the next scheduled run.
 */
@Path("/api/v1/heartbeats/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class HeartbeatResource {

    @Inject
    ProbeService probes;

    @Inject
    Heartbeats heartbeats;

    @Inject
    Clock clock;

    /** What a push answers: when it was recorded and whether the probe now succeeds. */
    public record HeartbeatView(String probe, Instant lastSeenAt, boolean success) {
    }

    @POST
    public Response push(@PathParam("name") String name, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ProbeState state = probes.find(name).filter(p -> p.definition().type().equals(HeartbeatProbe.TYPE))
                .orElseThrow(() -> ProblemException.notFound("name: no heartbeat probe \"" + name + "\""));
        String token = ApiAccess.bearerToken(authorization).orElse(null);
        if (token == null) {
            return ApiAccess.unauthorized("Authorization: the heartbeat probe's own token is required");
        }
        if (!ApiTokens.sameSecret(((HeartbeatSpec) state.definition().spec()).token(), token)) {
            return ApiAccess.forbidden("Authorization: not the token of heartbeat probe \"" + name + "\"");
        }
        Instant at = clock.instant();
        heartbeats.pushed(name, at);
        boolean success = probes.runNow(name).map(result -> result.success()).orElse(false);
        return Response.ok(new HeartbeatView(name, at, success)).build();
    }
}
