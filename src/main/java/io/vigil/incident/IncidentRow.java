package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored incident; its alerts are a JSON array of {@link IncidentStore.StoredAlert}. */
@Entity
@Table(name = "incident")
public class IncidentRow {

    @Id
    public Long id;

    @Column(name = "group_key")
    public String groupKey;

    public String title;

    /** A JSON object. */
    @Column(name = "group_labels")
    public String groupLabels;

    public String status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "triggered_at")
    public Instant triggeredAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** Comma-separated keys of the escalations sent since it was last triggered. */
    @Column(name = "escalations_sent")
    public String escalationsSent;

    /** How many of its alerts fire: one resolved by hand while they do is still loaded at start-up. */
    @Column(name = "firing_alerts")
    public int firingAlerts;

    public String alerts;
}
