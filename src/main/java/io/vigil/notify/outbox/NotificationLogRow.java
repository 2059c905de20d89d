package io.vigil.notify.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored notification log entry; fingerprints are JSON arrays. */
@Entity
@Table(name = "notification_log")
public class NotificationLogRow {

    /** SHA-256 of group key, receiver and integration: the group key alone can be longer than an index allows. */
    @Id
    @Column(name = "log_key")
    public String logKey;

    @Column(name = "group_key")
    public String groupKey;

    public String receiver;

    public String integration;

    public String firing;

    public String resolved;

    @Column(name = "logged_at")
    public Instant loggedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
