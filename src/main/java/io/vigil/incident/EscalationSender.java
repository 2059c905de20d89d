package io.vigil.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vigil.config.IncidentsConfig;
import io.vigil.notify.ActiveRouting;
import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.config.ReceiverConfig;
import io.vigil.notify.outbox.Outbox;

/**
 * Sends an escalated incident's firing alerts to the escalation's receiver, through the outbox like any notification:
 * it survives a restart, a 429 waits, and every attempt is on the ledger and the incident's timeline.
 */
@ApplicationScoped
public class EscalationSender {

    private static final Logger LOG = Logger.getLogger(EscalationSender.class);
    /** The {@code notification_reason} an escalation carries. */
    static final String REASON = "incident_escalated";

    @Inject
    ActiveRouting routing;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Queues the escalation in the outbox; false when it could not be, and it is to be tried again. */
    boolean send(Incident incident, List<IncidentAlert> firing, IncidentsConfig.Escalation escalation) {
        Optional<ReceiverConfig> receiver = routing.config().receiver(escalation.receiver());
        if (receiver.isEmpty()) {
            // A reload checks this; a receiver can only be missing if the routing file changed alone since.
            LOG.errorf("Incident %d could not be escalated: receiver \"%s\" is not in %s", incident.id(),
                    escalation.receiver(), routing.config().source());
            return false;
        }
        Instant now = clock.instant();
        List<NotifiableAlert> alerts = firing.stream()
                .map(a -> new NotifiableAlert(a.labels(), a.annotations(), a.firedAt(), null, "", false)).toList();
        String groupKey = "{}/escalation:{incident=\"" + incident.id() + "\"}";
        List<Notification> notifications = receiver.get().integrations().stream()
                .map(integration -> new Notification(groupKey, escalation.receiver(), integration,
                        incident.groupLabels(), alerts, REASON, now, null))
                .toList();
        if (outbox.notifyAll(notifications).size() < notifications.size()) {
            LOG.errorf("Incident %d: its escalation to %s could not be queued; it is tried again", incident.id(),
                    escalation.receiver());
            return false;
        }
        return true;
    }
}
