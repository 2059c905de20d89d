package io.vigil.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An incident: the alerts of one group from the first firing to the last resolution, and who handled it. Mutable,
 * owned by the {@link IncidentBook}; everything outside its lock sees a {@link #copy()}.
 */
public final class Incident {

    private final long id;
    private final String key;
    private final String title;
    private final Map<String, String> groupLabels;
    private final Instant openedAt;
    private IncidentStatus status = IncidentStatus.TRIGGERED;
    /** When it last became triggered: when it opened or was reopened. Escalations count from here. */
    private Instant triggeredAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private Instant resolvedAt;
    private String resolvedBy;
    /** Keys of the escalations sent since it was last triggered. */
    private final Set<String> escalationsSent = new TreeSet<>();
    private final Map<String, IncidentAlert> alerts = new LinkedHashMap<>();

    Incident(long id, String key, String title, Map<String, String> groupLabels, Instant openedAt) {
        this.id = id;
        this.key = key;
        this.title = title;
        this.groupLabels = Map.copyOf(groupLabels);
        this.openedAt = openedAt;
        this.triggeredAt = openedAt;
    }

    /** An incident as it was stored. */
    static Incident restored(long id, String key, String title, Map<String, String> groupLabels, IncidentStatus status,
            Instant openedAt, Instant triggeredAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
            String resolvedBy, Set<String> escalationsSent, List<IncidentAlert> alerts) {
        Incident incident = new Incident(id, key, title, groupLabels, openedAt);
        incident.status = status;
        incident.triggeredAt = triggeredAt;
        incident.acknowledgedAt = acknowledgedAt;
        incident.acknowledgedBy = acknowledgedBy;
        incident.resolvedAt = resolvedAt;
        incident.resolvedBy = resolvedBy;
        incident.escalationsSent.addAll(escalationsSent);
        alerts.forEach(a -> incident.alerts.put(a.fingerprint(), a));
        return incident;
    }

    public long id() {
        return id;
    }

    /** The group it stands for, as {@link IncidentGrouping} computes it. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public Map<String, String> groupLabels() {
        return groupLabels;
    }

    public IncidentStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant triggeredAt() {
        return triggeredAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Set<String> escalationsSent() {
        return Set.copyOf(escalationsSent);
    }

    /** Its alerts in the order they joined. */
    public List<IncidentAlert> alerts() {
        return new ArrayList<>(alerts.values());
    }

    public boolean open() {
        return status != IncidentStatus.RESOLVED;
    }

    boolean anyFiring() {
        return firingCount() > 0;
    }

    int firingCount() {
        return (int) alerts.values().stream().filter(IncidentAlert::firing).count();
    }

    IncidentAlert alert(String fingerprint) {
        return alerts.get(fingerprint);
    }

    void put(IncidentAlert alert) {
        alerts.put(alert.fingerprint(), alert);
    }

    void acknowledge(Instant at, String by) {
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
        acknowledgedBy = by;
    }

    void resolve(Instant at, String by) {
        status = IncidentStatus.RESOLVED;
        resolvedAt = at;
        resolvedBy = by;
    }

    /** Triggered again: acknowledgement, resolution and escalations start over. */
    void reopen(Instant at) {
        status = IncidentStatus.TRIGGERED;
        triggeredAt = at;
        acknowledgedAt = null;
        acknowledgedBy = null;
        resolvedAt = null;
        resolvedBy = null;
        escalationsSent.clear();
    }

    void escalated(String key) {
        escalationsSent.add(key);
    }

    /** The escalation could not be queued: it is due again at the next look. */
    void escalationWithdrawn(String key) {
        escalationsSent.remove(key);
    }

    /** A copy for readers outside the book's lock, which go on changing the original. */
    Incident copy() {
        return restored(id, key, title, groupLabels, status, openedAt, triggeredAt, acknowledgedAt, acknowledgedBy,
                resolvedAt, resolvedBy, escalationsSent, alerts());
    }
}
