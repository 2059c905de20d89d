package io.vigil.health;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.registry.HealthRegistries;
import io.vigil.config.ConfigApplied;
import io.vigil.config.ProbeDefinition;
import io.vigil.probe.ProbeResult;
import io.vigil.probe.ProbeService;

/**
 * One check per probe in the health group "probes" ({@code /q/health/group/probes}), reporting the
 * probe's last outcome. Deliberately not part of liveness or readiness: a failing target must not
 * make a load balancer pull Vigil itself.
 */
@ApplicationScoped
public class ProbeHealthChecks {

    static final String GROUP = "probes";

    // SmallRye offers no injectable registry for a group, only this look-up.
    private final HealthRegistry group = HealthRegistries.getHealthGroupRegistry(GROUP);

    @Inject
    ProbeService probes;

    private final Set<String> registered = new HashSet<>();

    synchronized void onConfigApplied(@Observes ConfigApplied applied) {
        Set<String> wanted = new HashSet<>();
        applied.config().probes().forEach(p -> wanted.add(p.name()));
        registered.removeIf(name -> {
            boolean gone = !wanted.contains(name);
            if (gone) {
                group.remove(name);
            }
            return gone;
        });
        for (ProbeDefinition probe : applied.config().probes()) {
            if (registered.add(probe.name())) {
                String name = probe.name();
                group.register(name, () -> check(name));
            }
        }
    }

    private HealthCheckResponse check(String name) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        return probes.find(name).map(state -> {
            response.withData("type", state.definition().type());
            if (state.lastResult().isEmpty()) {
                return response.up().withData("lastResult", "not run yet").build();
            }
            ProbeResult last = state.lastResult().get();
            response.status(last.success()).withData("lastRunAt", last.at().toString())
                    .withData("durationSeconds", String.valueOf(last.durationSeconds()));
            if (last.error() != null) {
                response.withData("error", last.error());
            }
            return response.build();
        }).orElseGet(() -> response.down().withData("error", "probe no longer configured").build());
    }
}
