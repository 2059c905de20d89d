package io.vigil.notify.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rendered notification for one integration, from commit to delivery or failure. */
@Entity
@Table(name = "notification_outbox")
public class OutboxRow {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** SHA-256 of group key, receiver, integration and payload: the same message pending twice is sent once. */
    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "group_key")
    public String groupKey;

    public String receiver;

    /** The integration's key within its receiver, e.g. {@code slack[0]}. */
    public String integration;

    /** Alertmanager's notification_reason. */
    public String reason;

    public boolean firing;

    public String payload;

    public String status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The incident it was about; null when it was about none. */
    @Column(name = "incident_id")
    public Long incidentId;
}
