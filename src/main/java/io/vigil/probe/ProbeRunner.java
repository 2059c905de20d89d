package io.vigil.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.config.PromDuration;
import io.vigil.config.ProbeDefinition;
import io.vigil.metrics.VigilMetrics;
import io.vigil.sample.Sample;

/**
 * Runs one probe once under a hard timeout, on a virtual thread of its own, so that a target that
 * hangs costs a parked virtual thread and never delays another probe.
 */
public final class ProbeRunner {

    private final Clock clock;

    public ProbeRunner(Clock clock) {
        this.clock = clock;
    }

    public ProbeResult run(Probe<?> probe, ProbeDefinition definition) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        ProbeContext context = new ProbeContext(definition.name(), definition.timeout());
        FutureTask<ProbeOutcome> task = new FutureTask<>(() -> invoke(probe, definition.spec(), context));
        Thread.ofVirtual().name("probe-" + definition.name()).start(task);
        ProbeOutcome outcome;
        List<Sample> samples;
        try {
            outcome = task.get(definition.timeout().toNanos(), TimeUnit.NANOSECONDS);
            samples = new ArrayList<>(context.samples());
        } catch (TimeoutException e) {
            task.cancel(true);
            outcome = ProbeOutcome.failed("timed out after " + PromDuration.format(definition.timeout()));
            samples = new ArrayList<>();
        } catch (ExecutionException e) {
            outcome = ProbeOutcome.failed(describe(e.getCause()));
            samples = new ArrayList<>(context.samples());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            outcome = ProbeOutcome.failed("interrupted: Vigil is shutting down");
            samples = new ArrayList<>();
        }
        double seconds = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
        samples.add(Sample.of(VigilMetrics.PROBE_SUCCESS, outcome.success() ? 1 : 0));
        samples.add(Sample.of(VigilMetrics.PROBE_DURATION_SECONDS, seconds));
        return new ProbeResult(startedAt, outcome.success(), seconds, outcome.error(), samples);
    }

    @SuppressWarnings("unchecked")
    private static <S> ProbeOutcome invoke(Probe<S> probe, Object spec, ProbeContext context) throws Exception {
        return probe.run((S) spec, context);
    }

    /** A reason for an unexpected exception: its message, which probes keep free of secrets. */
    static String describe(Throwable error) {
        if (error instanceof ProbeFailure failure) {
            return failure.getMessage();
        }
        String message = error.getMessage();
        String kind = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
