package io.vigil.notify.dispatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.notify.NotificationLogEntry;

/**
 * Alertmanager's notification log (nflog) in memory: the last notification decided per group, receiver and
 * integration. The sink keeps it durably; this copy is what the dedup stage reads.
 */
final class NotificationLog {

    record Key(String groupKey, String receiver, String integrationKey) {
    }

    private final Map<Key, NotificationLogEntry> entries = new HashMap<>();

    /**
     * The live entry, or null. An entry is gone from its expiry on; Alertmanager drops it at its next
     * maintenance run instead, a moment that depends on when the process started.
     */
    NotificationLogEntry get(Key key, Instant now) {
        NotificationLogEntry entry = entries.get(key);
        if (entry != null && !entry.expiresAt().isAfter(now)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    void put(NotificationLogEntry entry) {
        entries.put(keyOf(entry), entry);
    }

    /** Loads persisted entries; of two for the same key the later one wins, as when nflog peers merge. */
    void restore(Collection<NotificationLogEntry> restored) {
        for (NotificationLogEntry entry : restored) {
            entries.merge(keyOf(entry), entry, (held, other) -> other.at().isAfter(held.at()) ? other : held);
        }
    }

    /** Drops the entry written at {@code at}, if it is still the one held: a later notification's entry stays. */
    boolean forget(Key key, Instant at) {
        NotificationLogEntry entry = entries.get(key);
        // storage keeps microseconds: an entry read back at start-up is compared with what was stored
        if (entry != null && entry.at().truncatedTo(ChronoUnit.MICROS).equals(at.truncatedTo(ChronoUnit.MICROS))) {
            entries.remove(key);
            return true;
        }
        return false;
    }

    void collectGarbage(Instant now) {
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<NotificationLogEntry> entries(Instant now) {
        return entries.values().stream().filter(entry -> entry.expiresAt().isAfter(now)).toList();
    }

    private static Key keyOf(NotificationLogEntry entry) {
        return new Key(entry.groupKey(), entry.receiver(), entry.integrationKey());
    }
}
