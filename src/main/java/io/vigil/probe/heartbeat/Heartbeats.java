package io.vigil.probe.heartbeat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * When each heartbeat probe was last pushed to. Stored, so that a restart does not turn every heartbeat red until
 * its job next runs (a nightly backup pushes once a day).
 */
@ApplicationScoped
public class Heartbeats {

    @Inject
    Session session;

    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    @Transactional
    public void pushed(String probe, Instant at) {
        HeartbeatRow row = session.find(HeartbeatRow.class, probe);
        if (row == null) {
            row = new HeartbeatRow();
            row.probe = probe;
            row.lastSeen = at;
            session.persist(row);
        } else if (row.lastSeen.isBefore(at)) {
            row.lastSeen = at;
        }
        lastSeen.merge(probe, at, (old, now) -> now.isAfter(old) ? now : old);
    }

    public Optional<Instant> lastSeen(String probe) {
        Instant known = lastSeen.get(probe);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Instant> stored = stored(probe);
        stored.ifPresent(at -> lastSeen.merge(probe, at, (old, now) -> now.isAfter(old) ? now : old));
        return stored;
    }

    @Transactional
    Optional<Instant> stored(String probe) {
        return Optional.ofNullable(session.find(HeartbeatRow.class, probe)).map(row -> row.lastSeen);
    }
}
