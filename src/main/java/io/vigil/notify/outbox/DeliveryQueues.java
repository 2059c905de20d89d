package io.vigil.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which pending messages may start now. One queue per group and integration keeps a group's messages in order (a
 * resolved one never overtakes its firing one) while different groups and integrations go on independently; one
 * message per queue is in flight at a time; the {@link Pacer} spaces messages to one receiving end. Pure and not
 * thread-safe: the sender calls it under its lock, tests on a virtual clock.
 */
final class DeliveryQueues {

    /** A pending outbox row. */
    record Queued(long id, String receiver, String integration, String groupKey, Instant createdAt, int attempts,
            Instant nextAttemptAt) {

        /** The integration, as pacing sees it unless its notifier names a wider key. */
        String target() {
            return receiver + "\u0000" + integration;
        }

        String queue() {
            return target() + "\u0000" + groupKey;
        }
    }

    /** How the sender sees an integration: what it is paced by and how far apart. */
    interface Pacing {

        String key(Queued queued);

        Duration spacing(Queued queued);
    }

    private final Map<String, ArrayDeque<Queued>> queues = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Pacer pacer = new Pacer();
    private int size;

    void add(Queued queued) {
        queues.computeIfAbsent(queued.queue(), q -> new ArrayDeque<>()).addLast(queued);
        size++;
    }

    /** Messages not yet delivered or given up, in flight included. */
    int size() {
        return size;
    }

    /** Takes the messages that may start at {@code now}; they are in flight until {@link #finished}. */
    List<Queued> startDue(Instant now, Pacing pacing) {
        List<Queued> started = new ArrayList<>();
        for (ArrayDeque<Queued> queue : queues.values()) {
            Queued head = queue.peekFirst();
            if (head == null || inFlight.contains(head.queue())) {
                continue;
            }
            String key = pacing.key(head);
            if (!max(head.nextAttemptAt(), pacer.earliest(key, now)).isAfter(now)) {
                inFlight.add(head.queue());
                pacer.started(key, now, pacing.spacing(head));
                started.add(head);
            }
        }
        queues.values().removeIf(ArrayDeque::isEmpty);
        pacer.forgetBefore(now);
        return started;
    }

    /** The earliest time a message not in flight may start, or {@code idle} when none waits. */
    Instant nextStart(Instant now, Instant idle, Function<Queued, String> pacingKey) {
        Instant wake = idle;
        for (ArrayDeque<Queued> queue : queues.values()) {
            Queued head = queue.peekFirst();
            if (head != null && !inFlight.contains(head.queue())) {
                Instant due = max(head.nextAttemptAt(), pacer.earliest(pacingKey.apply(head), now));
                wake = due.isBefore(wake) ? due : wake;
            }
        }
        return wake;
    }

    /** Nothing paced by {@code key} starts before {@code until}: the receiver answered 429 and named when. */
    void holdUntil(String key, Instant until) {
        pacer.holdUntil(key, until);
    }

    /** An attempt ended: the message is done ({@code next} null) or due again at {@code next}. */
    void finished(Queued queued, Instant next, int attempts) {
        inFlight.remove(queued.queue());
        ArrayDeque<Queued> queue = queues.get(queued.queue());
        if (queue == null || queue.isEmpty() || queue.peekFirst().id() != queued.id()) {
            return;
        }
        queue.pollFirst();
        if (next == null) {
            size--;
        } else {
            queue.addFirst(new Queued(queued.id(), queued.receiver(), queued.integration(), queued.groupKey(),
                    queued.createdAt(), attempts, next));
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
