package io.vigil.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.sample.Labels;

/** Incidents and their timeline entries in the database. */
@ApplicationScoped
public class IncidentStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredAlert>> ALERTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    /** An {@link IncidentAlert} as JSON holds it. */
    record StoredAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, Double value,
            Instant firedAt, Instant resolvedAt, Instant leaseEndsAt) {
    }

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    /** The highest id given so far, so that new ones follow it. */
    @Transactional
    long lastId() {
        Long max = session.createSelectionQuery("select max(id) from IncidentRow", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * Incidents still open, resolved at or after {@code since}, or with alerts still firing: those alerts can still
     * join, reopen or resolve.
     */
    @Transactional
    List<Incident> loadRecent(Instant since) {
        return session.createSelectionQuery("from IncidentRow where status <> :resolved or resolvedAt >= :since"
                + " or firingAlerts > 0", IncidentRow.class).setParameter("resolved", IncidentStatus.RESOLVED.wire())
                .setParameter("since", since).getResultList().stream().map(this::incident).toList();
    }

    @Transactional
    Optional<Incident> find(long id) {
        return Optional.ofNullable(session.find(IncidentRow.class, id)).map(this::incident);
    }

    /** Newest first; a null status filters nothing. */
    @Transactional
    List<Incident> list(IncidentStatus status, int limit, int offset) {
        String hql = "from IncidentRow" + (status == null ? "" : " where status = :status")
                + " order by openedAt desc, id desc";
        SelectionQuery<IncidentRow> query = session.createSelectionQuery(hql, IncidentRow.class);
        if (status != null) {
            query.setParameter("status", status.wire());
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::incident).toList();
    }

    /** The stored timeline entries of an incident, oldest first. */
    @Transactional
    List<TimelineEntry> entries(long incidentId) {
        return session.createSelectionQuery("from IncidentEventRow where incidentId = :id order by at, id",
                IncidentEventRow.class).setParameter("id", incidentId).getResultList().stream()
                .map(row -> new TimelineEntry(row.at, row.kind, row.actor, read(row.detail, DETAIL))).toList();
    }

    /** Writes the changes in one transaction: an incident's state and the entries that changed it go together. */
    @Transactional
    void save(List<IncidentChange> changes) {
        for (IncidentChange change : changes) {
            write(change.incident());
            for (TimelineEntry entry : change.entries()) {
                IncidentEventRow row = new IncidentEventRow();
                row.incidentId = change.incident().id();
                row.at = entry.at();
                row.kind = entry.kind();
                row.actor = entry.actor();
                row.detail = write(entry.detail());
                session.persist(row);
            }
        }
    }

    private void write(Incident incident) {
        IncidentRow row = session.find(IncidentRow.class, incident.id());
        boolean isNew = row == null;
        if (isNew) {
            row = new IncidentRow();
            row.id = incident.id();
            row.groupKey = incident.key();
            row.title = incident.title();
            row.groupLabels = write(incident.groupLabels());
            row.openedAt = incident.openedAt();
        }
        row.status = incident.status().wire();
        row.triggeredAt = incident.triggeredAt();
        row.acknowledgedAt = incident.acknowledgedAt();
        row.acknowledgedBy = incident.acknowledgedBy();
        row.resolvedAt = incident.resolvedAt();
        row.resolvedBy = incident.resolvedBy();
        row.escalationsSent = String.join(",", new TreeSet<>(incident.escalationsSent()));
        row.firingAlerts = incident.firingCount();
        row.alerts = write(incident.alerts().stream().map(a -> new StoredAlert(a.fingerprint(), a.labels().toMap(),
                a.annotations(), a.value(), a.firedAt(), a.resolvedAt(), a.leaseEndsAt())).toList());
        if (isNew) {
            session.persist(row);
        }
    }

    private Incident incident(IncidentRow row) {
        Set<String> sent = row.escalationsSent.isEmpty() ? Set.of() : Set.of(row.escalationsSent.split(","));
        List<IncidentAlert> alerts = read(row.alerts, ALERTS).stream()
                .map(a -> new IncidentAlert(a.fingerprint(), Labels.of(a.labels()), a.annotations(), a.value(),
                        a.firedAt(), a.resolvedAt(), a.leaseEndsAt()))
                .toList();
        return Incident.restored(row.id, row.groupKey, row.title, read(row.groupLabels, STRING_MAP),
                IncidentStatus.fromWire(row.status).orElseThrow(), row.openedAt, row.triggeredAt, row.acknowledgedAt,
                row.acknowledgedBy, row.resolvedAt, row.resolvedBy, sent, alerts);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident state always serializes", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored incident JSON is unreadable", e);
        }
    }
}
