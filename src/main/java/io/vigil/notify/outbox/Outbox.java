package io.vigil.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public void notify(Notification notification) {
        if (notification.alerts().isEmpty()) {
            // send_resolved is off and everything resolved: the log forgets the alerts, nobody is told
            QuarkusTransaction.requiringNew().run(() -> writeLog(notification.logEntry()));
            return;
        }
        IntegrationConfig integration = notification.integration();
        String payload;
        String renderError = null;
        try {
            payload = notifiers.forConfig(integration).render(
                    NotificationData.of(notification, routing.externalUrl(), null), integration);
        } catch (RenderException e) {
            payload = "";
            renderError = e.getMessage();
        }
        String message = payload;
        String error = renderError;
        OutboxRow queued = QuarkusTransaction.requiringNew().call(() -> {
            writeLog(notification.logEntry());
            if (error != null) {
                // A template that fails now fails at every attempt: record it and let the log move on.
                LOG.warnf("Notification for %s %s could not be rendered: %s", notification.receiver(),
                        integration.key(), error);
                session.persist(failedRender(notification, error));
                return null;
            }
            return enqueue(notification, message);
        });
        if (queued != null) {
            worker.queued(queued);
        }
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

    private OutboxRow enqueue(Notification notification, String payload) {
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
        row.firing = notification.firing();
        row.payload = payload;
        row.status = OutboxRow.PENDING;
        row.attempts = 0;
        row.createdAt = notification.at();
        row.nextAttemptAt = notification.at();
        session.persist(row);
        session.flush();
        return row;
    }

    private AttemptRow failedRender(Notification notification, String error) {
        AttemptRow row = new AttemptRow();
        row.attemptedAt = notification.at();
        row.receiver = notification.receiver();
        row.integration = notification.integration().key();
        row.groupKey = notification.groupKey();
        row.outcome = LedgerOutcome.FAILED.wire();
        row.reason = notification.reason();
        row.error = error;
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
