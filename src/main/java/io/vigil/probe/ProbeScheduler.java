package io.vigil.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Fires each scheduled probe on time. One platform thread only keeps time; every run is handed to
 * a virtual thread at once, so the timer never waits on a target.
 */
public final class ProbeScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    private final Consumer<Duration> lagObserver;

    public ProbeScheduler(Clock clock, Consumer<Duration> lagObserver) {
        this.clock = clock;
        this.lagObserver = lagObserver;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("vigil-probe-timer").factory());
    }

    /** Runs {@code job} every {@code interval}, first at its slot; the job receives its planned time. */
    public Handle schedule(String name, Duration interval, Consumer<Instant> job, Consumer<Instant> onPlanned) {
        Handle handle = new Handle(name, interval, job, onPlanned);
        handle.plan(ProbeSchedule.firstRun(clock.instant(), name, interval));
        return handle;
    }

    public boolean isRunning() {
        return !timer.isShutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        runs.shutdownNow();
    }

    /** One probe's place in the schedule; {@link #cancel()} takes it out. */
    public final class Handle {

        private final String name;
        private final Duration interval;
        private final Consumer<Instant> job;
        private final Consumer<Instant> onPlanned;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> pending;

        private Handle(String name, Duration interval, Consumer<Instant> job, Consumer<Instant> onPlanned) {
            this.name = name;
            this.interval = interval;
            this.job = job;
            this.onPlanned = onPlanned;
        }

        private void plan(Instant at) {
            if (cancelled || timer.isShutdown()) {
                return;
            }
            onPlanned.accept(at);
            long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
            pending = timer.schedule(() -> fire(at), delay, TimeUnit.NANOSECONDS);
        }

        private void fire(Instant planned) {
            if (cancelled) {
                return;
            }
            try {
                runs.execute(() -> {
                    // Measured where the run really starts, so that a backlog of virtual threads shows too.
                    Duration lag = Duration.between(planned, clock.instant());
                    lagObserver.accept(lag.isNegative() ? Duration.ZERO : lag);
                    job.accept(planned);
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "Probe %s could not be started", name);
            }
            plan(ProbeSchedule.next(planned, interval, clock.instant()));
        }

        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> current = pending;
            if (current != null) {
                current.cancel(false);
            }
        }
    }
}
