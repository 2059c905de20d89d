package io.vigil.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vigil.probe.ProbeService;

/** The configured probes, their last results, and running one on demand. */
@Path("/api/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ProbeService probes;

    @GET
    public List<ProbeViews.ProbeView> list(@QueryParam("limit") @DefaultValue("1000") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        return probes.all().stream().skip(offset).limit(limit).map(ProbeViews::summary).toList();
    }

    @GET
    @Path("/{name}")
    public ProbeViews.ProbeView get(@PathParam("name") String name) {
        return probes.find(name).map(ProbeViews::detail).orElseThrow(() -> unknown(name));
    }

    @POST
    @Path("/{name}/run")
    @RunOnVirtualThread
    public ProbeViews.ResultView run(@PathParam("name") String name) {
        return probes.runNow(name).map(ProbeViews::result).orElseThrow(() -> unknown(name));
    }

    private static ProblemException unknown(String name) {
        return ProblemException.notFound("no probe named \"" + name + "\" is configured");
    }
}
