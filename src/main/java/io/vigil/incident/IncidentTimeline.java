package io.vigil.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.deploy.Deployment;
import io.vigil.deploy.Deployments;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.outbox.AttemptRow;
import io.vigil.notify.outbox.LedgerOutcome;
import io.vigil.notify.outbox.OutboxLedger;

/**
 * An incident's whole story, oldest first: its own entries, every delivery attempt and suppression the ledger holds
 * for it, and the deploys of its services from an hour before it opened until it was resolved.
 */
@ApplicationScoped
public class IncidentTimeline {

    /** How far before an incident deploys are shown: "what changed?" is the first question of every outage. */
    public static final Duration DEPLOYS_BEFORE = Duration.ofHours(1);
    /** The label that names a service, on alerts as on deployments. */
    public static final String SERVICE_LABEL = "service";
    private static final int MAX_ATTEMPTS = 10_000;

    @Inject
    IncidentStore store;

    @Inject
    OutboxLedger ledger;

    @Inject
    Deployments deployments;

    @Inject
    Clock clock;

    public List<TimelineEntry> of(Incident incident) {
        List<TimelineEntry> entries = new ArrayList<>(store.entries(incident.id()));
        List<AttemptRow> attempts = new ArrayList<>(ledger.list(
                new OutboxLedger.Filter(null, null, null, null, incident.id()), MAX_ATTEMPTS, 0));
        attempts.sort(Comparator.comparing((AttemptRow a) -> a.attemptedAt).thenComparing(a -> a.id));
        attempts.forEach(a -> entries.add(attempt(a)));
        Instant to = incident.resolvedAt() == null ? clock.instant() : incident.resolvedAt();
        deployments.of(services(incident), incident.openedAt().minus(DEPLOYS_BEFORE), to)
                .forEach(d -> entries.add(deployed(d)));
        // A stable sort: entries of the same instant keep the order they were recorded in.
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** The services an incident is about: the {@code service} label of its group and its alerts. */
    public static Set<String> services(Incident incident) {
        Set<String> services = new TreeSet<>();
        String grouped = incident.groupLabels().get(SERVICE_LABEL);
        if (grouped != null) {
            services.add(grouped);
        }
        incident.alerts().stream().map(a -> a.labels().get(SERVICE_LABEL)).filter(s -> s != null && !s.isEmpty())
                .forEach(services::add);
        return services;
    }

    private static TimelineEntry attempt(AttemptRow row) {
        String kind = switch (row.outcome) {
            case "delivered" -> TimelineEntry.NOTIFICATION_SENT;
            case "silenced" -> TimelineEntry.SILENCED;
            case "inhibited" -> TimelineEntry.INHIBITED;
            case "muted" -> TimelineEntry.MUTED;
            default -> TimelineEntry.NOTIFICATION_FAILED;
        };
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("receiver", row.receiver);
        detail.put("integration", row.integration == null ? null : IntegrationConfig.typeOfKey(row.integration));
        detail.put("integrationKey", row.integration);
        detail.put("outcome", row.outcome);
        detail.put("httpStatus", row.httpStatus);
        boolean sent = row.outboxId != null || LedgerOutcome.FAILED.wire().equals(row.outcome);
        detail.put("attempt", sent ? row.attempt : null);
        detail.put("latencySeconds", row.latencySeconds);
        detail.put("reason", row.reason);
        detail.put("error", row.error);
        return new TimelineEntry(row.attemptedAt, kind, TimelineEntry.SYSTEM, detail);
    }

    private static TimelineEntry deployed(Deployment deployment) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("service", deployment.service());
        detail.put("version", deployment.version());
        detail.put("environment", deployment.environment());
        detail.put("url", deployment.url());
        String actor = deployment.recordedBy() == null ? TimelineEntry.SYSTEM
                : TimelineEntry.user(deployment.recordedBy());
        return new TimelineEntry(deployment.at(), TimelineEntry.DEPLOYED, actor, detail);
    }
}
