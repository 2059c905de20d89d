package io.vigil.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.vigil.config.ActiveConfig;
import io.vigil.probe.ProbeService;

/** Ready once a configuration is loaded and the probe scheduler runs; the datasource check covers storage. */
@Readiness
@ApplicationScoped
public class VigilReadiness implements HealthCheck {

    @Inject
    ActiveConfig config;

    @Inject
    ProbeService probes;

    @Override
    public HealthCheckResponse call() {
        boolean configLoaded = config.current() != null;
        boolean schedulerRunning = probes.schedulerRunning();
        return HealthCheckResponse.named("vigil")
                .status(configLoaded && schedulerRunning)
                .withData("configLoaded", configLoaded)
                .withData("schedulerRunning", schedulerRunning)
                .withData("probes", configLoaded ? config.current().probes().size() : 0)
                .build();
    }
}
