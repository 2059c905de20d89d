package io.vigil.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.vigil.config.ActiveConfig;
import io.vigil.config.VigilConfig;

/** Re-reads the configuration files; on any error the running configuration stays. */
@Path("/api/v1/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    ActiveConfig config;

    record Reloaded(String source, int probes, int ruleFiles) {
    }

    @POST
    @Path("/reload")
    @Blocking
    public Reloaded reload() {
        VigilConfig loaded = config.reload();
        return new Reloaded(loaded.source(), loaded.probes().size(), loaded.ruleFiles().size());
    }
}
