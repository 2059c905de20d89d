package io.vigil.incident;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.metrics.VigilMetrics;

/** The incident metrics of CONTRACT section 7: how many are open, and how fast people answer and end them. */
@ApplicationScoped
public class IncidentMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicLong open = new AtomicLong();
    private Timer timeToAcknowledge;
    private Timer timeToResolve;

    @PostConstruct
    void register() {
        Gauge.builder(VigilMetrics.INCIDENTS_OPEN, open, AtomicLong::get)
                .description("Incidents triggered or acknowledged, not yet resolved.").register(registry);
        timeToAcknowledge = Timer.builder(VigilMetrics.INCIDENT_TIME_TO_ACKNOWLEDGE)
                .description("Time from an incident being triggered to its acknowledgement.")
                .serviceLevelObjectives(VigilMetrics.INCIDENT_RESPONSE_BUCKETS).register(registry);
        timeToResolve = Timer.builder(VigilMetrics.INCIDENT_TIME_TO_RESOLVE)
                .description("Time from an incident being triggered to its resolution.")
                .serviceLevelObjectives(VigilMetrics.INCIDENT_RESPONSE_BUCKETS).register(registry);
    }

    void open(long count) {
        open.set(count);
    }

    void recorded(Incident incident, TimelineEntry entry) {
        switch (entry.kind()) {
            case TimelineEntry.ACKNOWLEDGED -> timeToAcknowledge.record(since(incident, entry));
            case TimelineEntry.RESOLVED -> timeToResolve.record(since(incident, entry));
            default -> {
                // other entries are not response times
            }
        }
    }

    private static Duration since(Incident incident, TimelineEntry entry) {
        Duration taken = Duration.between(incident.triggeredAt(), entry.at());
        return taken.isNegative() ? Duration.ZERO : taken;
    }
}
