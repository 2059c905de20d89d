package io.vigil.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.auth.ApiCaller;
import io.vigil.deploy.Deployment;
import io.vigil.deploy.Deployments;

/** Deploys, as a CI pipeline reports them: incidents show those of their services around them. */
@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    /** A deploy reported a little ahead of its clock is fine; one far in the future is a mistake. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_TEXT = 255;

    @Inject
    Deployments deployments;

    @Inject
    ApiCaller caller;

    @Inject
    Clock clock;

    /** What a pipeline posts; {@code at} defaults to now. */
    public record PostableDeployment(String service, String version, String environment, String url, Instant at) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(PostableDeployment body) {
        if (body == null) {
            throw ProblemException.badRequest("body: a deployment is required");
        }
        if (body.service() == null || body.service().isBlank()) {
            throw ProblemException.badRequest("service: required, the service label value the deploy was of");
        }
        text("service", body.service());
        text("version", body.version());
        text("environment", body.environment());
        if (body.url() != null && !isWebUrl(body.url())) {
            throw ProblemException.badRequest("url: must be an absolute http or https URL");
        }
        if (body.at() != null && body.at().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw ProblemException.badRequest("at: is in the future");
        }
        Deployment recorded = deployments.record(body.service().strip(), body.version(), body.environment(),
                body.url(), body.at(), caller.name().orElse(null));
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @GET
    public List<Deployment> list(@QueryParam("service") String service,
            @QueryParam("environment") String environment, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        return deployments.list(service, environment, limit, offset);
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + ": at most " + MAX_TEXT + " characters");
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
