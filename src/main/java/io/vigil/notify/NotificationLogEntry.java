package io.vigil.notify;

import java.time.Instant;
import java.util.Set;

/**
 * Alertmanager's notification log (nflog) entry for one group and one integration of a receiver: which alerts
 * were firing and which resolved in the last notification sent (or, with send_resolved off, decided), and when.
 * The dispatcher's dedup decision compares the group's current alerts with it.
 *
 * @param integrationKey e.g. {@code slack[0]}
 * @param firing         fingerprints of the alerts firing in that notification
 * @param resolved       fingerprints of the alerts resolved in it
 * @param expiresAt      when the entry is forgotten: twice the route's repeat interval after {@code at}
 */
public record NotificationLogEntry(String groupKey, String receiver, String integrationKey, Set<String> firing,
        Set<String> resolved, Instant at, Instant expiresAt) {

    public NotificationLogEntry {
        firing = Set.copyOf(firing);
        resolved = Set.copyOf(resolved);
    }
}
