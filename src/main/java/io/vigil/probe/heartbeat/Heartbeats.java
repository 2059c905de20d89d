package io.vigil.probe.heartbeat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Since when each heartbeat probe is watched and when it was last pushed to. Stored, so that a restart neither turns
 * every heartbeat red until its job next runs (a nightly backup pushes once a day) nor gives a job that never pushed
 * a fresh max_silence. Rows are created under this object's lock, so a push and the probe's first run cannot both
 * insert one.
 */
@ApplicationScoped
public class Heartbeats {

    @Inject
    Session session;

    private final Map<String, HeartbeatState> known = new ConcurrentHashMap<>();

    /** What is known of one probe: since when it is watched, and its last push, if any. */
    public record HeartbeatState(Instant watchedSince, Optional<Instant> lastSeen) {
    }

    public synchronized void pushed(String probe, Instant at) {
        HeartbeatState state = QuarkusTransaction.requiringNew().call(() -> {
            HeartbeatRow row = rowWatchedFrom(probe, at);
            if (row.lastSeen == null || row.lastSeen.isBefore(at)) {
                row.lastSeen = at;
            }
            return new HeartbeatState(row.watchedSince, Optional.of(row.lastSeen));
        });
        known.put(probe, state);
    }

    /** The probe's state; a probe seen for the first time is watched from {@code now} on, and that is stored. */
    public HeartbeatState state(String probe, Instant now) {
        HeartbeatState state = known.get(probe);
        return state != null ? state : loadOrStartWatching(probe, now);
    }

    private synchronized HeartbeatState loadOrStartWatching(String probe, Instant now) {
        HeartbeatState state = QuarkusTransaction.requiringNew().call(() -> {
            HeartbeatRow row = rowWatchedFrom(probe, now);
            return new HeartbeatState(row.watchedSince, Optional.ofNullable(row.lastSeen));
        });
        known.put(probe, state);
        return state;
    }

    /** The probe's row; a new one, watched from {@code since}, when it has none. In a transaction, under the lock. */
    private HeartbeatRow rowWatchedFrom(String probe, Instant since) {
        HeartbeatRow row = session.find(HeartbeatRow.class, probe);
        if (row == null) {
            row = new HeartbeatRow();
            row.probe = probe;
            row.watchedSince = since;
            session.persist(row);
        }
        return row;
    }
}
