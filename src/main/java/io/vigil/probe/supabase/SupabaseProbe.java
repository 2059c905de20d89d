package io.vigil.probe.supabase;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;
import io.vigil.sample.Labels;

/**
 * The health of a Supabase project's services (auth, db, pooler, realtime, rest, storage) as the Management API
 * reports it. The run fails when any of them is not ACTIVE_HEALTHY.
 */
@ApplicationScoped
public class SupabaseProbe implements Probe<SupabaseSpec> {

    public static final String TYPE = "supabase";
    static final String SERVICE_HEALTHY = "probe_supabase_service_healthy";

    private static final String SERVICE = "Supabase";

    @Inject
    ApiClient api;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<SupabaseSpec> specType() {
        return SupabaseSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("service");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(SERVICE_HEALTHY, "1 when the Supabase project's service is ACTIVE_HEALTHY, else 0, by service.");
    }

    @Override
    public ProbeOutcome run(SupabaseSpec spec, ProbeContext context) throws ProbeFailure, InterruptedException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + spec.apiKey());
        ServiceHealth health = ServiceHealth.of(api.get(SERVICE, spec.health(), headers, context).body());
        health.healthy().forEach((service, healthy) ->
                context.sample(SERVICE_HEALTHY, Labels.of("service", service), healthy ? 1 : 0));
        return health.failureReason().map(ProbeOutcome::failed).orElse(ProbeOutcome.succeeded());
    }
}
