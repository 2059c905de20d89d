package io.vigil.notify.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import io.vigil.notify.delivery.DeliveryResult;

/** The outbox rows and the ledger of attempts, as the sender and the API read and write them. */
@ApplicationScoped
public class OutboxLedger {

    /** Filters of {@code GET /api/v1/notifications}; null fields filter nothing. */
    public record Filter(String receiver, String groupKey, String outcome, Instant since, Long incidentId) {
    }

    @Inject
    Session session;

    /** What is still to be sent, oldest first. */
    @Transactional
    List<DeliveryQueues.Queued> pending() {
        return session.createSelectionQuery("from OutboxRow where status = :pending order by id", OutboxRow.class)
                .setParameter("pending", OutboxRow.PENDING).getResultList().stream()
                .map(r -> new DeliveryQueues.Queued(r.id, r.receiver, r.integration, r.groupKey, r.createdAt, r.attempts,
                        r.nextAttemptAt))
                .toList();
    }

    @Transactional
    String payload(long id) {
        return session.find(OutboxRow.class, id).payload;
    }

    /** Records one attempt and moves the row on: delivered, failed, or due again at {@code next}. */
    @Transactional
    void recordAttempt(long id, Instant at, int attempt, double latencySeconds, DeliveryResult result, Instant next) {
        OutboxRow row = session.find(OutboxRow.class, id);
        AttemptRow line = new AttemptRow();
        line.outboxId = id;
        line.attemptedAt = at;
        line.receiver = row.receiver;
        line.integration = row.integration;
        line.groupKey = row.groupKey;
        line.httpStatus = result.httpStatus();
        line.attempt = attempt;
        line.latencySeconds = latencySeconds;
        line.reason = row.reason;
        line.incidentId = row.incidentId;
        row.attempts = attempt;
        if (result.outcome() == DeliveryResult.Outcome.DELIVERED) {
            line.outcome = LedgerOutcome.DELIVERED.wire();
            row.status = OutboxRow.DELIVERED;
            row.finishedAt = at;
        } else if (next == null) {
            line.outcome = LedgerOutcome.FAILED.wire();
            line.error = failure(result);
            row.status = OutboxRow.FAILED;
            row.finishedAt = at;
            // Nobody was told: the log must not say they were, or the group stays quiet until its repeat interval.
            session.createMutationQuery("delete from NotificationLogRow where logKey = :key and loggedAt = :at")
                    .setParameter("key", Outbox.logKey(row.groupKey, row.receiver, row.integration))
                    .setParameter("at", row.createdAt).executeUpdate();
        } else {
            line.outcome = LedgerOutcome.RETRYING.wire();
            line.error = failure(result);
            row.nextAttemptAt = next;
        }
        session.persist(line);
    }

    /**
     * Forgets ledger lines and finished messages older than {@code cutoff} (pending messages stay), and notification
     * log entries expired at {@code now}.
     */
    @Transactional
    public int forgetBefore(Instant cutoff, Instant now) {
        session.createMutationQuery("delete from NotificationLogRow where expiresAt <= :now").setParameter("now", now)
                .executeUpdate();
        int lines = session.createMutationQuery("delete from AttemptRow where attemptedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        int messages = session.createMutationQuery(
                "delete from OutboxRow where status <> :pending and finishedAt < :cutoff")
                .setParameter("pending", OutboxRow.PENDING).setParameter("cutoff", cutoff).executeUpdate();
        session.createMutationQuery("delete from NotificationIncidentRow n where n.outboxId not in"
                + " (select o.id from OutboxRow o)").executeUpdate();
        return lines + messages;
    }

    /** Ledger lines, newest first. */
    @Transactional
    public List<AttemptRow> list(Filter filter, int limit, int offset) {
        StringBuilder hql = new StringBuilder("from AttemptRow where 1 = 1");
        if (filter.receiver() != null) {
            hql.append(" and receiver = :receiver");
        }
        if (filter.groupKey() != null) {
            hql.append(" and groupKey = :groupKey");
        }
        if (filter.outcome() != null) {
            hql.append(" and outcome = :outcome");
        }
        if (filter.since() != null) {
            hql.append(" and attemptedAt >= :since");
        }
        if (filter.incidentId() != null) {
            hql.append(" and (incidentId = :incident or outboxId in"
                    + " (select n.outboxId from NotificationIncidentRow n where n.incidentId = :incident))");
        }
        hql.append(" order by attemptedAt desc, id desc");
        SelectionQuery<AttemptRow> query = session.createSelectionQuery(hql.toString(), AttemptRow.class);
        if (filter.receiver() != null) {
            query.setParameter("receiver", filter.receiver());
        }
        if (filter.groupKey() != null) {
            query.setParameter("groupKey", filter.groupKey());
        }
        if (filter.outcome() != null) {
            query.setParameter("outcome", filter.outcome());
        }
        if (filter.since() != null) {
            query.setParameter("since", filter.since());
        }
        if (filter.incidentId() != null) {
            query.setParameter("incident", filter.incidentId());
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static String failure(DeliveryResult result) {
        String reason = result.reason() == null ? "other" : result.reason();
        return result.reply() == null || result.reply().isBlank() ? reason : reason + ": " + result.reply();
    }
}
