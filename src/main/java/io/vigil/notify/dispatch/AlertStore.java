package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.notify.NotifiableAlert;
import io.vigil.sample.Labels;

/**
 * Every alert the dispatcher holds, by label set, as Alertmanager's in-memory alert provider: a re-posted alert
 * is merged with the one held when their activity overlaps, and replaces it otherwise (a new occurrence).
 */
final class AlertStore {

    private final Map<Labels, TrackedAlert> alerts = new LinkedHashMap<>();

    /** The tracked alert after the put, and whether it is new to the store. */
    record Put(TrackedAlert tracked, boolean created) {
    }

    Put put(NotifiableAlert incoming, Instant now) {
        TrackedAlert tracked = alerts.get(incoming.labels());
        if (tracked == null) {
            tracked = new TrackedAlert(incoming);
            alerts.put(tracked.labels, tracked);
            return new Put(tracked, true);
        }
        NotifiableAlert old = tracked.alert;
        tracked.alert = overlaps(old, incoming) ? merge(old, incoming, now) : incoming;
        tracked.version++;
        return new Put(tracked, false);
    }

    Collection<TrackedAlert> all() {
        return alerts.values();
    }

    int size() {
        return alerts.size();
    }

    /**
     * Drops alerts that are resolved and in no group any more (Alertmanager's provider GC drops resolved alerts
     * every 30 minutes). One a group still holds, after a failed flush, stays so a reload can route it again.
     */
    List<TrackedAlert> collectGarbage(Instant now) {
        List<TrackedAlert> removed = new ArrayList<>();
        for (Iterator<TrackedAlert> it = alerts.values().iterator(); it.hasNext();) {
            TrackedAlert tracked = it.next();
            if (tracked.groups.isEmpty() && tracked.alert.resolvedAt(now)) {
                it.remove();
                removed.add(tracked);
            }
        }
        return removed;
    }

    /**
     * Alertmanager merges only when the new alert's end or start falls strictly inside the old one's activity;
     * an open end (null) counts as the far future.
     */
    static boolean overlaps(NotifiableAlert old, NotifiableAlert incoming) {
        Instant oldEnd = old.endsAt();
        Instant newEnd = incoming.endsAt();
        boolean endInside = newEnd != null && newEnd.isAfter(old.startsAt()) && (oldEnd == null || newEnd.isBefore(oldEnd));
        boolean startInside = incoming.startsAt().isAfter(old.startsAt())
                && (oldEnd == null || incoming.startsAt().isBefore(oldEnd));
        return endInside || startInside;
    }

    /**
     * Alertmanager's {@code alert.Merge} with {@code incoming} as the younger alert: it wins, except that the
     * earliest start is kept, the latest end is kept when both are resolved, and a later explicit end of the
     * older alert beats the incoming end while it fires.
     */
    static NotifiableAlert merge(NotifiableAlert older, NotifiableAlert incoming, Instant now) {
        Instant startsAt = older.startsAt().isBefore(incoming.startsAt()) ? older.startsAt() : incoming.startsAt();
        Instant endsAt = incoming.endsAt();
        boolean timeout = incoming.endsAtIsTimeout();
        if (incoming.resolvedAt(now)) {
            if (older.resolvedAt(now) && older.endsAt().isAfter(endsAt)) {
                endsAt = older.endsAt();
                timeout = older.endsAtIsTimeout();
            }
        } else if (!older.endsAtIsTimeout() && later(older.endsAt(), endsAt)) {
            endsAt = older.endsAt();
            timeout = false;
        }
        return new NotifiableAlert(incoming.labels(), incoming.annotations(), startsAt, endsAt,
                incoming.generatorUrl(), timeout);
    }

    /** Whether {@code a} is after {@code b}, an open end being after every instant. */
    private static boolean later(Instant a, Instant b) {
        if (a == null) {
            return b != null;
        }
        return b != null && a.isAfter(b);
    }
}
