package io.vigil.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vigil.notify.ActiveRouting;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.Notifier;
import io.vigil.notify.delivery.NotifierRegistry;

/**
 * Drains the outbox. The messages of one group to one integration go out one at a time, oldest first (so a resolved
 * message never overtakes its firing one); different groups and integrations are independent, so one failing message
 * or a dead webhook holds up nothing else. Each integration is paced at its notifier's spacing. Each attempt runs on
 * a virtual thread.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofMinutes(1);

    /** A pending outbox row, as the worker tracks it. */
    record Queued(long id, String receiver, String integration, String groupKey, Instant createdAt, int attempts,
            Instant nextAttemptAt) {

        /** The integration, as pacing sees it. */
        String target() {
            return receiver + "\u0000" + integration;
        }

        /** The queue that keeps this group's messages to the integration in order. */
        String queue() {
            return target() + "\u0000" + groupKey;
        }
    }

    @Inject
    Clock clock;

    @Inject
    OutboxLedger ledger;

    @Inject
    NotifierRegistry notifiers;

    @Inject
    ActiveRouting routing;

    @Inject
    NotificationMetrics metrics;

    @Inject
    DeliverySettings settings;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, ArrayDeque<Queued>> queues = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Pacer pacer = new Pacer();
    private ExecutorService attempts;
    private Thread loop;
    private volatile boolean stopped;
    private int size;

    /** Loads what was pending when Vigil stopped and starts sending. */
    public void start() {
        lock.lock();
        try {
            if (loop != null) {
                return;
            }
            ledger.pending().forEach(this::add);
            attempts = Executors.newVirtualThreadPerTaskExecutor();
            loop = Thread.ofPlatform().daemon().name("vigil-notification-sender").start(this::run);
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (loop != null) {
            loop.interrupt();
            attempts.shutdown();
            try {
                // An attempt under way is let finish, so its outcome is recorded rather than repeated at start-up.
                attempts.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A message was committed to the outbox. */
    void queued(OutboxRow row) {
        lock.lock();
        try {
            add(new Queued(row.id, row.receiver, row.integration, row.groupKey, row.createdAt, row.attempts,
                    row.nextAttemptAt));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Messages committed and not yet delivered or given up. */
    public int queueLength() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private void add(Queued queued) {
        queues.computeIfAbsent(queued.queue(), q -> new ArrayDeque<>()).addLast(queued);
        size++;
    }

    private void run() {
        lock.lock();
        try {
            while (!stopped) {
                Instant now = clock.instant();
                Instant wake = now.plus(IDLE_WAIT);
                for (ArrayDeque<Queued> queue : queues.values()) {
                    Queued head = queue.peekFirst();
                    if (head == null || inFlight.contains(head.queue())) {
                        continue;
                    }
                    Instant due = max(head.nextAttemptAt(), pacer.earliest(head.target(), now));
                    if (due.isAfter(now)) {
                        wake = due.isBefore(wake) ? due : wake;
                        continue;
                    }
                    inFlight.add(head.queue());
                    start(head, now);
                }
                queues.values().removeIf(ArrayDeque::isEmpty);
                pacer.forgetBefore(now);
                changed.await(Math.max(1, Duration.between(now, wake).toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void start(Queued queued, Instant now) {
        IntegrationConfig integration = routing.integration(queued.receiver(), queued.integration()).orElse(null);
        Duration spacing = integration == null ? Duration.ZERO : notifiers.forConfig(integration).spacing();
        pacer.started(queued.target(), now, spacing);
        attempts.execute(() -> attempt(queued, integration));
    }

    private void attempt(Queued queued, IntegrationConfig integration) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        DeliveryResult result;
        try {
            result = integration == null
                    ? DeliveryResult.permanent(null, "receiver \"" + queued.receiver() + "\" has no integration "
                            + queued.integration() + " in the current configuration", "other")
                    : deliver(queued, integration);
        } catch (RuntimeException e) {
            // A notifier bug must not stop the queue: treat it as a transient failure and keep the message.
            LOG.errorf(e, "Delivery to %s %s failed unexpectedly", queued.receiver(), queued.integration());
            result = DeliveryResult.retry(null, e.getClass().getSimpleName(), "other");
        }
        double latency = (System.nanoTime() - startNanos) / 1e9;
        int attempt = queued.attempts() + 1;
        LOG.debugf("Notification %d to %s %s, attempt %d: %s in %.3f s", queued.id(), queued.receiver(),
                queued.integration(), attempt, result.outcome(), latency);
        Instant next = settings.retryPolicy().nextAttempt(result, attempt, queued.createdAt(), clock.instant(),
                ThreadLocalRandom.current()::nextDouble);
        String integrationType = integration == null ? typeOf(queued.integration()) : integration.integration();
        metrics.attempted(queued.receiver(), integrationType, result, latency);
        try {
            ledger.recordAttempt(queued.id(), started, attempt, latency, result, next);
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the delivery attempt of notification %d: %s", queued.id(), e.getMessage());
        }
        finished(queued, next, attempt);
    }

    private <C extends IntegrationConfig> DeliveryResult deliver(Queued queued, C integration) {
        Notifier<C> notifier = notifiers.forConfig(integration);
        return notifier.deliver(ledger.payload(queued.id()), integration, settings.timeout());
    }

    private void finished(Queued queued, Instant next, int attempt) {
        lock.lock();
        try {
            inFlight.remove(queued.queue());
            ArrayDeque<Queued> queue = queues.get(queued.queue());
            if (queue != null && !queue.isEmpty() && queue.peekFirst().id() == queued.id()) {
                queue.pollFirst();
                if (next != null) {
                    queue.addFirst(new Queued(queued.id(), queued.receiver(), queued.integration(),
                            queued.groupKey(), queued.createdAt(), attempt, next));
                } else {
                    size--;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static String typeOf(String integrationKey) {
        int bracket = integrationKey.indexOf('[');
        return bracket < 0 ? integrationKey : integrationKey.substring(0, bracket);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
