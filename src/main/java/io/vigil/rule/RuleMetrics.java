package io.vigil.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;
import io.quarkus.runtime.StartupEvent;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.metrics.VigilMetrics;
import io.vigil.rule.RuleHealth.Status;

/** The rule engine's own metrics, and vigil_alerts, Vigil's ALERTS series. */
@ApplicationScoped
public class RuleMetrics {

    @Inject
    MeterRegistry meters;

    @Inject
    PrometheusMeterRegistry prometheus;

    private volatile List<RuleGroup> groups = List.of();

    void register(@Observes StartupEvent event) {
        prometheus.getPrometheusRegistry().register(new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return List.of(alerts());
            }
        });
    }

    void groupsChanged(List<RuleGroup> current) {
        groups = List.copyOf(current);
    }

    void evaluated(RuleGroup group, double seconds) {
        String name = ScheduledGroup.key(group);
        Counter.builder(VigilMetrics.RULE_EVALUATIONS).description("Rule evaluations")
                .tag(VigilMetrics.TAG_RULE_GROUP, name).register(meters).increment(group.rules().size());
        long failed = group.rules().stream().filter(rule -> group.health(rule).status() == Status.ERR).count();
        Counter.builder(VigilMetrics.RULE_EVALUATION_FAILURES).description("Rule evaluations that failed")
                .tag(VigilMetrics.TAG_RULE_GROUP, name).register(meters).increment(failed);
        Timer.builder(VigilMetrics.RULE_EVALUATION_DURATION).description("Time to evaluate a rule group")
                .register(meters).record(Duration.ofNanos((long) (seconds * 1e9)));
    }

    private Collector.MetricFamilySamples alerts() {
        List<Collector.MetricFamilySamples.Sample> samples = new ArrayList<>();
        for (RuleGroup group : groups) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    for (Alert alert : alerting.tracker().alerts()) {
                        if (alert.state() != AlertState.INACTIVE) {
                            Map<String, String> labels = new TreeMap<>(alert.labels().toMap());
                            labels.put("alertstate", alert.state().label());
                            samples.add(new Collector.MetricFamilySamples.Sample(VigilMetrics.ALERTS,
                                    List.copyOf(labels.keySet()), List.copyOf(labels.values()), 1));
                        }
                    }
                }
            }
        }
        return new Collector.MetricFamilySamples(VigilMetrics.ALERTS, Collector.Type.GAUGE, VigilMetrics.ALERTS_HELP, samples);
    }
}
