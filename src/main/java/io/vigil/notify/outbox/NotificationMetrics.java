package io.vigil.notify.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.vigil.metrics.VigilMetrics;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.delivery.DeliveryResult;

/** The delivery metrics of CONTRACT section 7, named after Alertmanager's. */
@ApplicationScoped
@Startup
public class NotificationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    DeliveryWorker worker;

    @jakarta.annotation.PostConstruct
    void register() {
        Gauge.builder(VigilMetrics.NOTIFICATION_QUEUE_LENGTH, worker, DeliveryWorker::queueLength)
                .description("Notifications committed to the outbox and not yet delivered or given up.")
                .strongReference(true).register(registry);
    }

    /**
     * Starts every integration's attempt counter at 0, as Alertmanager does, so that {@code rate()} and
     * {@code increase()} see the first attempt rather than a series appearing from nowhere.
     */
    public void configured(AlertmanagerConfig config) {
        config.receivers().values().forEach(receiver -> receiver.integrations()
                .forEach(integration -> attempts(receiver.name(), integration.integration())));
    }

    void attempted(String receiver, String integration, DeliveryResult result, double latencySeconds) {
        attempts(receiver, integration).increment();
        if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
            Counter.builder(VigilMetrics.NOTIFICATIONS_FAILED).description("Notification delivery attempts that failed.")
                    .tag(VigilMetrics.TAG_RECEIVER, receiver).tag(VigilMetrics.TAG_INTEGRATION, integration)
                    .tag(VigilMetrics.TAG_REASON, result.reason() == null ? "other" : result.reason())
                    .register(registry).increment();
        }
        Timer.builder(VigilMetrics.NOTIFICATION_LATENCY).description("How long a notification delivery attempt took.")
                .tag(VigilMetrics.TAG_INTEGRATION, integration)
                .serviceLevelObjectives(VigilMetrics.NOTIFICATION_LATENCY_BUCKETS)
                .register(registry).record(java.time.Duration.ofNanos((long) (latencySeconds * 1e9)));
    }

    private Counter attempts(String receiver, String integration) {
        return Counter.builder(VigilMetrics.NOTIFICATIONS).description("Notification delivery attempts.")
                .tag(VigilMetrics.TAG_RECEIVER, receiver).tag(VigilMetrics.TAG_INTEGRATION, integration)
                .register(registry);
    }
}
