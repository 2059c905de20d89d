package io.vigil.probe.heartbeat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last push a heartbeat probe received. */
@Entity
@Table(name = "heartbeat")
public class HeartbeatRow {

    @Id
    public String probe;

    @Column(name = "last_seen")
    public Instant lastSeen;
}
