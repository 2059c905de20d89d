package io.vigil.probe.heartbeat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What Vigil knows of a heartbeat probe: since when it watches it, and the last push it received (if any). */
@Entity
@Table(name = "heartbeat")
public class HeartbeatRow {

    @Id
    public String probe;

    @Column(name = "watched_since")
    public Instant watchedSince;

    @Column(name = "last_seen")
    public Instant lastSeen;
}
