package io.vigil.probe.netlify;

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
import io.vigil.sample.Labels;

/**
 * The state of a Netlify site's latest deploy and when it was created. The run fails when that deploy is in
 * {@code error}; one stuck building is for alert rules on the timestamp to catch. A site without deploys succeeds
 * with no deploy samples.
 */
@ApplicationScoped
public class NetlifyProbe implements Probe<NetlifySpec> {

    public static final String TYPE = "netlify";
    static final String DEPLOY_STATE = "probe_netlify_deploy_state";
    static final String LAST_DEPLOY = "probe_netlify_last_deploy_timestamp_seconds";

    private static final String SERVICE = "Netlify";

    @Inject
    ApiClient api;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<NetlifySpec> specType() {
        return NetlifySpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("state");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(
                DEPLOY_STATE, "1 for the state of the Netlify site's latest deploy (ready, building, error, ...).",
                LAST_DEPLOY, "When the Netlify site's latest deploy was created (created_at), in Unix seconds.");
    }

    @Override
    public ProbeOutcome run(NetlifySpec spec, ProbeContext context) throws ProbeFailure, InterruptedException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + spec.apiKey());
        Optional<LatestDeploy> latest = LatestDeploy.of(api.get(SERVICE, spec.latestDeploy(), headers, context).body());
        if (latest.isEmpty()) {
            return ProbeOutcome.succeeded();
        }
        LatestDeploy deploy = latest.get();
        context.sample(DEPLOY_STATE, Labels.of("state", deploy.state()), 1);
        context.sample(LAST_DEPLOY, deploy.createdAtSeconds());
        // A build log may print an environment variable; the token is one Netlify builds often receive.
        return deploy.failed()
                ? ProbeOutcome.failed(deploy.failureReason().replace(spec.apiKey(), "[redacted]"))
                : ProbeOutcome.succeeded();
    }
}
