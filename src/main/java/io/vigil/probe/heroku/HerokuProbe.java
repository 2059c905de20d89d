package io.vigil.probe.heroku;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;
import io.vigil.probe.api.ApiResponse;
import io.vigil.sample.Labels;

/**
 * The dynos of one Heroku app by state, over every page of the listing. The run fails when a dyno crashed; how long
 * dynos may stay {@code starting} is for alert rules to say.
 */
@ApplicationScoped
public class HerokuProbe implements Probe<HerokuSpec> {

    public static final String TYPE = "heroku";
    static final String DYNOS = "probe_heroku_dynos";

    private static final String SERVICE = "Heroku";
    /** Without it Heroku answers 406. */
    private static final String ACCEPT = "application/vnd.heroku+json; version=3";

    @Inject
    ApiClient api;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<HerokuSpec> specType() {
        return HerokuSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("state");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(DYNOS, "Dynos of the Heroku app by state (up, crashed, idle, starting, down).");
    }

    @Override
    public ProbeOutcome run(HerokuSpec spec, ProbeContext context) throws ProbeFailure, InterruptedException {
        DynoTally tally = new DynoTally();
        Optional<String> range = Optional.empty();
        do {
            Map<String, String> headers = new HashMap<>(Map.of("Accept", ACCEPT,
                    "Authorization", "Bearer " + spec.apiKey()));
            range.ifPresent(value -> headers.put("Range", value));
            ApiResponse page = api.get(SERVICE, spec.dynos(), headers, context);
            range = tally.add(page.body(), page.status(), page.header("Next-Range"));
        } while (range.isPresent());
        // Samples only once every page is read: a partial count would hide the dynos of the pages not read.
        tally.byState().forEach((state, count) -> context.sample(DYNOS, Labels.of("state", state), count));
        return tally.crashReason().map(ProbeOutcome::failed).orElse(ProbeOutcome.succeeded());
    }
}
