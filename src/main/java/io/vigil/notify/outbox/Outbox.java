package io.vigil.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vigil.notify.ActiveRouting;
import io.vigil.notify.IncidentLinks;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationLogEntry;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotifierRegistry;
import io.vigil.notify.delivery.RenderException;
import io.vigil.notify.dispatch.NotificationSink;
import io.vigil.notify.dispatch.Suppression;
import io.vigil.storage.Hashes;

/**
 * The dispatcher's sink: renders a notification and commits it, with its notification-log entry, in one
 * transaction; then hands it to the sender. Once {@link #notify} returns, the message survives a restart.
 */
@ApplicationScoped
public class Outbox implements NotificationSink {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    NotifierRegistry notifiers;

    @Inject
    ActiveRouting routing;

    @Inject
    DeliveryWorker worker;

    @Inject
    IncidentLinks incidents;

    /** A notification with its message rendered, or the reason it could not be, and its incidents. */
    private record Rendered(Notification notification, String payload, String renderError, List<Long> incidentIds) {

        /** The incident its message links to and its ledger lines name: the first. */
        Long incidentId() {
            return incidentIds.isEmpty() ? null : incidentIds.getFirst();
        }
    }

    @Override
    public void notify(Notification notification) {
        if (notifyAll(List.of(notification)).isEmpty()) {
            throw new IllegalStateException("notification of " + notification.groupKey() + " was not committed");
        }
    }

    /**
     * Commits a dispatcher pass in one transaction (one disk write for a burst of alerts); if that fails, one by
     * one, so that one bad notification does not hold back the rest. A notification that cannot be rendered is
     * recorded as failed and not committed: the log does not move on, and the next flush tries again.
     */
    @Override
    public List<Notification> notifyAll(List<Notification> notifications) {
        List<Rendered> rendered = notifications.stream().map(this::render).toList();
        List<Rendered> good = rendered.stream().filter(r -> r.renderError() == null).toList();
        List<OutboxRow> queued;
        try {
            queued = QuarkusTransaction.requiringNew().call(() -> {
                rendered.stream().filter(r -> r.renderError() != null).forEach(r -> session.persist(failedRender(r)));
                return good.stream().map(this::write).filter(Objects::nonNull).toList();
            });
        } catch (RuntimeException e) {
            if (notifications.size() == 1) {
                LOG.warnf(e, "Notification of group %s could not be committed", notifications.getFirst().groupKey());
                return List.of();
            }
            return NotificationSink.super.notifyAll(notifications);
        }
        queued.forEach(worker::queued);
        return good.stream().map(Rendered::notification).toList();
    }

    private Rendered render(Notification notification) {
        if (notification.alerts().isEmpty()) {
            return new Rendered(notification, null, null, List.of());
        }
        List<Long> incidentIds = incidents.incidentsOf(notification.alerts());
        String incidentUrl = incidentIds.isEmpty() ? null
                : IncidentLinks.url(routing.externalUrl(), incidentIds.getFirst());
        IntegrationConfig integration = notification.integration();
        try {
            return new Rendered(notification, notifiers.forConfig(integration).render(
                    NotificationData.of(notification, routing.externalUrl(), incidentUrl), integration), null,
                    incidentIds);
        } catch (RenderException e) {
            LOG.warnf("Notification for %s %s could not be rendered: %s", notification.receiver(), integration.key(),
                    e.getMessage());
            return new Rendered(notification, null, e.getMessage(), incidentIds);
        }
    }

    /**
     * Writes the log entry, if the notification has one (an escalation has none), and, unless there is nothing to
     * tell (send_resolved off, all resolved), the message.
     */
    private OutboxRow write(Rendered rendered) {
        if (rendered.notification().logEntry() != null) {
            writeLog(rendered.notification().logEntry());
        }
        return rendered.payload() == null ? null : enqueue(rendered, rendered.payload());
    }

    @Override
    public void suppressed(Suppression suppression) {
        AttemptRow row = new AttemptRow();
        row.attemptedAt = suppression.at();
        row.receiver = suppression.receiver();
        row.groupKey = suppression.groupKey();
        row.outcome = switch (suppression.kind()) {
            case SILENCED -> LedgerOutcome.SILENCED.wire();
            case INHIBITED -> LedgerOutcome.INHIBITED.wire();
            case MUTED -> LedgerOutcome.MUTED.wire();
        };
        row.reason = suppression.labels() + " " + row.outcome + " by " + suppression.by();
        OptionalLong incident = incidents.incidentOf(suppression.fingerprint());
        row.incidentId = incident.isPresent() ? incident.getAsLong() : null;
        QuarkusTransaction.requiringNew().run(() -> session.persist(row));
    }

    /** The notification log as stored, for the dispatcher at start-up; expired entries are dropped. */
    public List<NotificationLogEntry> loadLog() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            session.createMutationQuery("delete from NotificationLogRow where expiresAt <= :now")
                    .setParameter("now", now).executeUpdate();
            List<NotificationLogEntry> entries = new ArrayList<>();
            for (NotificationLogRow row : session
                    .createSelectionQuery("from NotificationLogRow", NotificationLogRow.class).getResultList()) {
                entries.add(new NotificationLogEntry(row.groupKey, row.receiver, row.integration,
                        Set.copyOf(read(row.firing)), Set.copyOf(read(row.resolved)), row.loggedAt, row.expiresAt));
            }
            return entries;
        });
    }

    private OutboxRow enqueue(Rendered rendered, String payload) {
        Notification notification = rendered.notification();
        String key = notification.integration().key();
        String dedupKey = Hashes.sha256Hex(notification.groupKey(), notification.receiver(), key, payload);
        // After a restart the dispatcher may decide again what was already committed: the same message, still
        // pending, is not queued twice.
        boolean pending = !session.createSelectionQuery(
                "select id from OutboxRow where dedupKey = :key and status = :pending", Long.class)
                .setParameter("key", dedupKey).setParameter("pending", OutboxRow.PENDING).setMaxResults(1)
                .getResultList().isEmpty();
        if (pending) {
            return null;
        }
        OutboxRow row = new OutboxRow();
        row.dedupKey = dedupKey;
        row.groupKey = notification.groupKey();
        row.receiver = notification.receiver();
        row.integration = key;
        row.reason = notification.reason();
        row.incidentId = rendered.incidentId();
        row.firing = notification.firing();
        row.payload = payload;
        row.status = OutboxRow.PENDING;
        row.attempts = 0;
        row.createdAt = notification.at();
        row.nextAttemptAt = notification.at();
        session.persist(row);
        // Every incident it is about shows its attempts, not only the one its message links to.
        for (Long incidentId : rendered.incidentIds()) {
            NotificationIncidentRow link = new NotificationIncidentRow();
            link.outboxId = row.id;
            link.incidentId = incidentId;
            session.persist(link);
        }
        return row;
    }

    private AttemptRow failedRender(Rendered rendered) {
        Notification notification = rendered.notification();
        String error = rendered.renderError();
        AttemptRow row = new AttemptRow();
        row.attemptedAt = notification.at();
        row.receiver = notification.receiver();
        row.integration = notification.integration().key();
        row.groupKey = notification.groupKey();
        row.outcome = LedgerOutcome.FAILED.wire();
        row.reason = notification.reason();
        row.error = error;
        row.incidentId = rendered.incidentId();
        return row;
    }

    private void writeLog(NotificationLogEntry entry) {
        String logKey = logKey(entry.groupKey(), entry.receiver(), entry.integrationKey());
        NotificationLogRow row = session.find(NotificationLogRow.class, logKey);
        boolean isNew = row == null;
        if (isNew) {
            row = new NotificationLogRow();
            row.logKey = logKey;
            row.groupKey = entry.groupKey();
            row.receiver = entry.receiver();
            row.integration = entry.integrationKey();
        }
        row.firing = write(entry.firing());
        row.resolved = write(entry.resolved());
        row.loggedAt = entry.at();
        row.expiresAt = entry.expiresAt();
        if (isNew) {
            session.persist(row);
        }
    }

    private String write(Set<String> fingerprints) {
        try {
            return json.writeValueAsString(new TreeSet<>(fingerprints));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string list always serializes", e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fingerprints are not a JSON array", e);
        }
    }

    /** The group key alone can be longer than an index allows. */
    static String logKey(String groupKey, String receiver, String integrationKey) {
        return Hashes.sha256Hex(groupKey, receiver, integrationKey);
    }
}
