package io.vigil.probe.statuspage;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;
import io.vigil.sample.Labels;

/**
 * Reads what a provider's status page says about itself: an Atlassian Statuspage summary (SendGrid, Netlify,
 * Supabase, GitHub, ...) or Heroku's own status API, told apart by the body's shape.
 *
 * <p>Success means the page could be read and understood, not that the provider is healthy: a provider in a
 * critical outage still gives success 1 with {@code probe_statuspage_indicator} 3. Rules alert on the indicator
 * (and on {@code probe_statuspage_component_up == 0} for the components one depends on); {@code probe_success == 0}
 * means Vigil does not know, because the page was unreachable, rate limited beyond the timeout, or not in a format
 * it reads.
 */
@ApplicationScoped
public class StatuspageProbe implements Probe<StatuspageSpec> {

    static final String INDICATOR = "probe_statuspage_indicator";
    static final String COMPONENT_UP = "probe_statuspage_component_up";

    @Inject
    ApiClient api;

    @Override
    public String type() {
        return "statuspage";
    }

    @Override
    public Class<StatuspageSpec> specType() {
        return StatuspageSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("component");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(INDICATOR, "What the provider's status page says overall: 0 none, 1 minor (or maintenance), "
                        + "2 major, 3 critical.",
                COMPONENT_UP, "1 when the status page shows the component as operational, else 0.");
    }

    @Override
    public ProbeOutcome run(StatuspageSpec spec, ProbeContext context) throws Exception {
        PageStatus page = PageStatus.read(api.get(spec.url().getHost(), spec.url(), Map.of(), context).body());
        context.sample(INDICATOR, page.indicator().value);
        page.components().forEach((component, up) ->
                context.sample(COMPONENT_UP, Labels.of("component", component), up ? 1 : 0));
        return ProbeOutcome.succeeded();
    }
}
