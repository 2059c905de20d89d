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
 */
@ApplicationScoped
public class ApiAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class);
    private static final String BEARER = "Bearer ";

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
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (read && !settings.api().readAuth()) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String why = tokens.isEmpty()
                    ? "Authorization: no API tokens are configured (VIGIL_API_TOKENS), so the API is read-only"
                    : "Authorization: a bearer token from VIGIL_API_TOKENS is required"
                            + (read ? "" : " to change anything");
            return Optional.of(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"")
                    .type(Problem.MEDIA_TYPE).entity(Problem.of(401, "Unauthorized", why)).build());
        }
        Optional<String> name = tokens.nameOf(header.substring(BEARER.length()).strip());
        if (name.isEmpty()) {
            return Optional.of(Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(403, "Forbidden", "Authorization: the token is not one of VIGIL_API_TOKENS"))
                    .build());
        }
        caller.authenticated(name.get());
        return Optional.empty();
    }
}
