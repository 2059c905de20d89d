package io.vigil.notify.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the delivery ledger: an attempt to send, or an alert held back (silenced, inhibited, muted). */
@Entity
@Table(name = "notification_attempt")
public class AttemptRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The outbox row attempted; null for a suppression. */
    @Column(name = "outbox_id")
    public Long outboxId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public String receiver;

    public String integration;

    @Column(name = "group_key")
    public String groupKey;

    /** {@link LedgerOutcome}, lower case. */
    public String outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    public int attempt;

    @Column(name = "latency_seconds")
    public Double latencySeconds;

    /** Why it was sent (notification_reason) or held back (the silence, inhibition rule or time interval). */
    public String reason;

    public String error;

    /** The incident it was about; null when it was about none. */
    @Column(name = "incident_id")
    public Long incidentId;
}
