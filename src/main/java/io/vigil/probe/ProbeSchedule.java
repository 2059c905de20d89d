package io.vigil.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * When a probe runs. Each probe keeps a fixed offset within its interval, derived from its name as
 * Prometheus derives a target's scrape offset: stable across restarts, and spread so that many
 * probes with one interval do not all start in the same instant.
 */
public final class ProbeSchedule {

    private ProbeSchedule() {
    }

    /** The first run at or after {@code now}. */
    public static Instant firstRun(Instant now, String probeName, Duration interval) {
        long period = Math.max(1, interval.toMillis());
        long offset = Math.floorMod(spread(probeName), period);
        long nowMillis = now.toEpochMilli();
        long slot = nowMillis - Math.floorMod(nowMillis, period) + offset;
        return Instant.ofEpochMilli(slot < nowMillis ? slot + period : slot);
    }

    /**
     * The run after the one planned at {@code planned}. Runs missed while the process was stalled
     * are skipped, not caught up in a burst: the next run is the first slot that is not in the past.
     */
    public static Instant next(Instant planned, Duration interval, Instant now) {
        long period = Math.max(1, interval.toMillis());
        long next = planned.toEpochMilli() + period;
        long nowMillis = now.toEpochMilli();
        if (next < nowMillis) {
            long behind = nowMillis - next;
            next += (behind / period + (behind % period == 0 ? 0 : 1)) * period;
        }
        return Instant.ofEpochMilli(next);
    }

    private static long spread(String name) {
        // FNV-1a, 64 bit: String.hashCode clusters similar names (web-1, web-2) into near offsets.
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
