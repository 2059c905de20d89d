package io.vigil.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.StartupEvent;
import io.vigil.api.Problem;
import io.vigil.config.VigilSettings;

/**
 * Guards {@code /api}: a write (any method but GET and HEAD) needs {@code Authorization: Bearer <token>} for a token
 * of {@code VIGIL_API_TOKENS}; a read does too when {@code VIGIL_API_READ_AUTH=true}. No token is 401, a token that
 * is not one of them 403. Health, metrics and OpenAPI under {@code /q} stay open for load balancers and Prometheus.
 * Heartbeat pushes carry their probe's own token instead, which {@code HeartbeatResource} checks.
 */
@ApplicationScoped
public class ApiAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class);
    private static final String BEARER = "Bearer ";
    /** Pushed by cron jobs with their heartbeat probe's own token, which the heartbeat resource checks. */
    public static final String HEARTBEATS = "/api/v1/heartbeats/";

    @Inject
    VigilSettings settings;

    @Inject
    ApiCaller caller;

    private volatile ApiTokens tokens;

    /** Before anything else starts: a malformed variable stops start-up, naming the entry. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        tokens = ApiTokens.parse(settings.api().tokens().orElse(null));
        if (tokens.isEmpty()) {
            LOG.warn("No VIGIL_API_TOKENS: the API is read-only (silences, reloads and posted alerts are refused)");
        } else {
            LOG.infof("API: writes need a token (%s); reads %s", tokens,
                    settings.api().readAuth() ? "need one too" : "are open");
        }
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        if (path.startsWith(HEARTBEATS) && request.getMethod().equals("POST")) {
            return Optional.empty();
        }
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (read && !settings.api().readAuth()) {
            return Optional.empty();
        }
        Optional<String> presented = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (presented.isEmpty()) {
            return Optional.of(unauthorized(tokens.isEmpty()
                    ? "Authorization: no API tokens are configured (VIGIL_API_TOKENS), so the API is read-only"
                    : "Authorization: a bearer token from VIGIL_API_TOKENS is required"
                            + (read ? "" : " to change anything")));
        }
        Optional<String> name = tokens.nameOf(presented.get());
        if (name.isEmpty()) {
            return Optional.of(forbidden("Authorization: the token is not one of VIGIL_API_TOKENS"));
        }
        caller.authenticated(name.get());
        return Optional.empty();
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty without one. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** 401, with the challenge RFC 6750 asks for. */
    public static Response unauthorized(String detail) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"")
                .type(Problem.MEDIA_TYPE).entity(Problem.of(401, "Unauthorized", detail)).build();
    }

    public static Response forbidden(String detail) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "Forbidden", detail)).build();
    }
}
