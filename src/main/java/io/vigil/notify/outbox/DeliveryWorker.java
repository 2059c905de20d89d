package io.vigil.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vigil.notify.ActiveRouting;
import io.vigil.notify.NotificationFailed;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.Notifier;
import io.vigil.notify.delivery.NotifierRegistry;
import io.vigil.notify.outbox.DeliveryQueues.Queued;

/**
 * Drains the outbox: one thread decides what may start ({@link DeliveryQueues}), each attempt runs on a virtual
 * thread, and its outcome is recorded in the ledger before the message is let go or rescheduled.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofMinutes(1);

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

    @Inject
    Event<NotificationFailed> failed;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final DeliveryQueues queues = new DeliveryQueues();
    private final DeliveryQueues.Pacing pacing = new DeliveryQueues.Pacing() {
        @Override
        public String key(Queued queued) {
            return pacingKey(queued);
        }

        @Override
        public Duration spacing(Queued queued) {
            return routing.integration(queued.receiver(), queued.integration())
                    .map(i -> notifiers.forConfig(i).spacing()).orElse(Duration.ZERO);
        }
    };
    private ExecutorService attempts;
    private Thread loop;
    private volatile boolean stopped;

    /** Loads what was pending when Vigil stopped and starts sending. */
    public void start() {
        lock.lock();
        try {
            if (loop != null) {
                return;
            }
            ledger.pending().forEach(queues::add);
            attempts = Executors.newVirtualThreadPerTaskExecutor();
            loop = Thread.ofPlatform().daemon().name("vigil-notification-sender").start(this::run);
        } finally {
            lock.unlock();
        }
    }

    /** Before the datasource closes: no new attempt starts, and one under way may finish and be recorded. */
    void stop(@Observes ShutdownEvent event) {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (attempts != null) {
            attempts.shutdown();
            try {
                attempts.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the sender is running, for readiness. */
    public boolean running() {
        return loop != null && loop.isAlive();
    }

    /** Messages committed and not yet delivered or given up. */
    public int queueLength() {
        lock.lock();
        try {
            return queues.size();
        } finally {
            lock.unlock();
        }
    }

    /** A message was committed to the outbox. */
    void queued(OutboxRow row) {
        lock.lock();
        try {
            queues.add(new Queued(row.id, row.receiver, row.integration, row.groupKey, row.createdAt, row.attempts,
                    row.nextAttemptAt));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!stopped) {
                Instant now = clock.instant();
                for (Queued queued : queues.startDue(now, pacing)) {
                    IntegrationConfig integration = routing.integration(queued.receiver(), queued.integration())
                            .orElse(null);
                    String key = pacingKey(queued);
                    attempts.execute(() -> attempt(queued, integration, key));
                }
                Instant wake = queues.nextStart(now, now.plus(IDLE_WAIT), this::pacingKey);
                changed.await(Math.max(1, Duration.between(now, wake).toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "The notification sender stopped; notifications stay queued until Vigil restarts");
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Queued queued, IntegrationConfig integration, String pacingKey) {
        int attempt = queued.attempts() + 1;
        // Whatever goes wrong below, the message is tried again later, never left stuck in flight.
        Instant next = clock.instant().plus(settings.retryPolicy().max());
        try {
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            DeliveryResult result = integration == null
                    ? DeliveryResult.permanent(null, "receiver \"" + queued.receiver() + "\" has no integration "
                            + queued.integration() + " in the current configuration", "other")
                    : deliver(queued, integration);
            double latency = (System.nanoTime() - startNanos) / 1e9;
            LOG.debugf("Notification %d to %s %s, attempt %d: %s in %.3f s", queued.id(), queued.receiver(),
                    queued.integration(), attempt, result.outcome(), latency);
            next = settings.retryPolicy().nextAttempt(result, attempt, queued.createdAt(), clock.instant(),
                    ThreadLocalRandom.current()::nextDouble);
            if (result.retryAfter() != null && next != null) {
                hold(pacingKey, next);
            }
            metrics.attempted(queued.receiver(), IntegrationConfig.typeOfKey(queued.integration()), result, latency);
            ledger.recordAttempt(queued.id(), started, attempt, latency, result, next);
            if (next == null && result.outcome() != DeliveryResult.Outcome.DELIVERED) {
                failed.fire(new NotificationFailed(queued.groupKey(), queued.receiver(), queued.integration(),
                        queued.createdAt(), result.reason()));
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Delivery of notification %d to %s %s failed unexpectedly; trying again at %s", queued.id(),
                    queued.receiver(), queued.integration(), next);
        } finally {
            finished(queued, next, attempt);
        }
    }

    private <C extends IntegrationConfig> DeliveryResult deliver(Queued queued, C integration) {
        Notifier<C> notifier = notifiers.forConfig(integration);
        return notifier.deliver(ledger.payload(queued.id()), integration, settings.timeout());
    }

    private void finished(Queued queued, Instant next, int attempt) {
        lock.lock();
        try {
            queues.finished(queued, next, attempt);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A 429 speaks for the whole receiving end, not just this message. */
    private void hold(String pacingKey, Instant until) {
        lock.lock();
        try {
            queues.holdUntil(pacingKey, until);
        } finally {
            lock.unlock();
        }
    }

    /** What a receiver limits its rate by: Slack's webhook URL, which several receivers may share. */
    private String pacingKey(Queued queued) {
        return routing.integration(queued.receiver(), queued.integration()).map(this::pacingKeyOf)
                .orElseGet(queued::target);
    }

    private <C extends IntegrationConfig> String pacingKeyOf(C integration) {
        return notifiers.forConfig(integration).pacingKey(integration);
    }
}
