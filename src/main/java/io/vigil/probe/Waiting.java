package io.vigil.probe;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;

/** Waits for a Vert.x result on the probe's (virtual) thread, within the run's remaining time. */
public final class Waiting {

    private Waiting() {
    }

    public static <T> T await(Future<T> future, ProbeContext context, String what) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(context.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ProbeFailure(what + " timed out");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
