package io.vigil.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each integration target at or below its message rate: Slack accepts about one message a second per
 * webhook and answers 429 beyond, so messages to it start at least a second apart. Not thread-safe.
 */
final class Pacer {

    private final Map<String, Instant> nextAllowed = new HashMap<>();

    /** The earliest time a message to {@code target} may start. */
    Instant earliest(String target, Instant now) {
        Instant allowed = nextAllowed.get(target);
        return allowed == null || allowed.isBefore(now) ? now : allowed;
    }

    /** A message to {@code target} started at {@code at}. */
    void started(String target, Instant at, Duration spacing) {
        if (!spacing.isZero()) {
            nextAllowed.put(target, at.plus(spacing));
        }
    }

    /** Nothing starts for {@code target} before {@code until}: it answered 429 and named when to come back. */
    void holdUntil(String target, Instant until) {
        nextAllowed.merge(target, until, (held, asked) -> held.isAfter(asked) ? held : asked);
    }

    /** Forgets targets whose pacing has lapsed, so the map does not grow with every receiver ever seen. */
    void forgetBefore(Instant now) {
        nextAllowed.values().removeIf(allowed -> allowed.isBefore(now));
    }
}
