package io.vigil.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.vigil.config.ActiveConfig;
import io.vigil.notify.NotificationService;
import io.vigil.notify.outbox.DeliveryWorker;
import io.vigil.probe.ProbeService;

/**
 * Ready once a configuration is loaded and the probe scheduler, the notification dispatcher and its sender run; the
 * datasource check covers storage. A dead dispatcher would accept alerts and never send them: better to be taken out
 * of the load balancer and restarted.
 */
@Readiness
@ApplicationScoped
public class VigilReadiness implements HealthCheck {

    @Inject
    ActiveConfig config;

    @Inject
    ProbeService probes;

    @Inject
    NotificationService notifications;

    @Inject
    DeliveryWorker sender;

    @Override
    public HealthCheckResponse call() {
        boolean configLoaded = config.current() != null;
        boolean schedulerRunning = probes.schedulerRunning();
        boolean notificationsRunning = notifications.running() && sender.running();
        return HealthCheckResponse.named("vigil")
                .status(configLoaded && schedulerRunning && notificationsRunning)
                .withData("configLoaded", configLoaded)
                .withData("schedulerRunning", schedulerRunning)
                .withData("notificationsRunning", notificationsRunning)
                .withData("probes", configLoaded ? config.current().probes().size() : 0)
                .build();
    }
}
