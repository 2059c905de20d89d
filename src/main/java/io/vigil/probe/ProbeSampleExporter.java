package io.vigil.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;
import io.quarkus.runtime.StartupEvent;
import io.vigil.metrics.VigilMetrics;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;

/**
 * Shows every probe's last result on /q/metrics the way blackbox_exporter shows a probe: one gauge
 * per sample, labelled with probe, type and the probe's labels. A series the last run did not
 * produce is absent, not stale.
 */
@ApplicationScoped
public class ProbeSampleExporter {

    @Inject
    PrometheusMeterRegistry prometheus;

    @Inject
    ProbeService probes;

    @Inject
    ProbeRegistry types;

    void register(@Observes StartupEvent event) {
        prometheus.getPrometheusRegistry().register(new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return families();
            }
        });
    }

    List<Collector.MetricFamilySamples> families() {
        Map<String, List<Collector.MetricFamilySamples.Sample>> byMetric = new TreeMap<>();
        for (ProbeState state : probes.all()) {
            state.lastResult().ifPresent(result -> {
                for (Sample sample : result.samples()) {
                    Labels labels = state.labels().with(sample.labels());
                    List<String> names = new ArrayList<>(labels.size());
                    List<String> values = new ArrayList<>(labels.size());
                    for (int i = 0; i < labels.size(); i++) {
                        names.add(labels.name(i));
                        values.add(labels.value(i));
                    }
                    byMetric.computeIfAbsent(sample.metric(), m -> new ArrayList<>())
                            .add(new Collector.MetricFamilySamples.Sample(sample.metric(), names, values, sample.value()));
                }
            });
        }
        Map<String, String> help = help();
        List<Collector.MetricFamilySamples> families = new ArrayList<>(byMetric.size());
        byMetric.forEach((metric, samples) -> families.add(new Collector.MetricFamilySamples(
                metric, Collector.Type.GAUGE, help.getOrDefault(metric, "Measured by a Vigil probe."), samples)));
        return families;
    }

    private Map<String, String> help() {
        Map<String, String> help = new TreeMap<>(types.metricHelp());
        help.put(VigilMetrics.PROBE_SUCCESS, VigilMetrics.PROBE_SUCCESS_HELP);
        help.put(VigilMetrics.PROBE_DURATION_SECONDS, VigilMetrics.PROBE_DURATION_HELP);
        return help;
    }
}
