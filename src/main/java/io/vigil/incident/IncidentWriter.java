package io.vigil.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Writes incident changes behind the alerts' backs: on the dispatcher thread an incident write would add a
 * transaction to every alert's way to its notification (the benchmark showed p99 at 200 alerts/s going from 17 to
 * 70 ms). One thread takes every change queued since its last write and commits them in one transaction, in the
 * order they were made, so the last state written is the latest. A failed write is retried, with a growing pause,
 * until it succeeds; readers that need what was changed before them wait for it with {@link #awaitWritten}.
 */
@ApplicationScoped
public class IncidentWriter {

    private static final Logger LOG = Logger.getLogger(IncidentWriter.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Duration GATHER = Duration.ofMillis(50);

    @Inject
    IncidentStore store;

    private final LinkedBlockingQueue<IncidentChange> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long queued;
    private long written;
    private volatile boolean stopping;
    private Thread thread;

    /** Queues copies of the changes: the incidents go on changing under the book's lock. */
    void write(List<IncidentChange> changes) {
        synchronized (progress) {
            for (IncidentChange change : changes) {
                queue.add(new IncidentChange(change.incident().copy(), change.entries()));
                queued++;
            }
        }
        start();
    }

    /** Waits until everything queued before the call is stored; false if that took longer than {@code timeout}. */
    boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = queued;
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes what is left and stops; before the datasource closes. */
    void stop(Duration timeout) {
        stopping = true;
        if (!awaitWritten(timeout)) {
            LOG.errorf("%d incident changes could not be stored before shutdown", queue.size());
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("vigil-incident-writer").daemon().start(this::run);
        }
    }

    private void run() {
        Duration pause = Duration.ofMillis(500);
        List<IncidentChange> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    IncidentChange first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    // A burst of alerts comes as a burst of changes: gather it into one transaction, which then
                    // holds the database once instead of once per alert, between the outbox's commits.
                    Thread.sleep(GATHER.toMillis());
                    queue.drainTo(batch);
                }
                store.save(batch);
                synchronized (progress) {
                    written += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
                pause = Duration.ofMillis(500);
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "%d incident changes could not be stored; retrying in %s", batch.size(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    if (stopping) {
                        return;
                    }
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
