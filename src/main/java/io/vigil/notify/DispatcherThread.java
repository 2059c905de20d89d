package io.vigil.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.vigil.notify.dispatch.Dispatcher;

/**
 * The one thread the dispatcher lives on. It runs the commands others submit, in order, then the dispatcher's due
 * flushes, then sleeps until the next deadline or command. Whoever hands it an alert never waits for its database
 * writes, and nothing else touches the dispatcher, which is not thread-safe.
 */
final class DispatcherThread {

    private static final Logger LOG = Logger.getLogger(DispatcherThread.class);
    private static final Duration IDLE_WAIT = Duration.ofMinutes(1);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    private final Clock clock;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private Dispatcher dispatcher;
    private Thread thread;
    private volatile boolean stopped;

    DispatcherThread(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code command} on the dispatcher thread, after those submitted before it. */
    void submit(Runnable command) {
        commands.add(command);
    }

    /** The dispatcher, once installed; for commands, which run on its thread. */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    void install(Dispatcher installed) {
        dispatcher = installed;
    }

    /**
     * Asks the dispatcher something on its thread, after the alerts already handed to it.
     *
     * @param none what to answer before a dispatcher is installed
     * @throws IllegalStateException when it does not answer within five seconds
     */
    <T> T inspect(Function<Dispatcher, T> question, T none) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(() -> {
            try {
                answer.complete(dispatcher == null ? none : question.apply(dispatcher));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the dispatcher", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dispatcher could not answer: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the dispatcher did not answer within 5 s", e);
        }
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("vigil-dispatcher").start(this::run);
        }
    }

    boolean running() {
        return thread != null && thread.isAlive();
    }

    /** Lets the thread finish what it is doing, and waits for it a few seconds. */
    void stop() {
        stopped = true;
        commands.add(() -> { });
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long minimumWait = 0;
        while (!stopped) {
            try {
                long wait = dispatcher == null ? IDLE_WAIT.toMillis()
                        : dispatcher.nextDeadline().map(d -> Duration.between(clock.instant(), d).toMillis())
                                .orElse(IDLE_WAIT.toMillis());
                Runnable command = commands.poll(Math.max(minimumWait, wait), TimeUnit.MILLISECONDS);
                minimumWait = 0;
                while (command != null) {
                    command.run();
                    command = commands.poll();
                }
                if (dispatcher != null) {
                    dispatcher.runDue(clock.instant());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The flush is decided again at the next tick: the notification log only advances on commit. The
                // pause keeps a lasting failure (the database down) from spinning.
                LOG.errorf(e, "Dispatching notifications failed");
                minimumWait = PAUSE_AFTER_ERROR.toMillis();
            }
        }
    }
}
