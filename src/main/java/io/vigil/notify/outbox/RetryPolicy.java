package io.vigil.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import io.vigil.notify.delivery.DeliveryResult;

/**
 * When a failed delivery is tried again. Alertmanager's backoff (500 ms, times 1.5, ±50 % jitter, at most 60 s),
 * except that a receiver's Retry-After is honoured (up to {@code maxRetryAfter}) and nothing is dropped at the next
 * group interval: a message is retried until it is {@code giveUpAfter} old.
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, Duration maxRetryAfter,
        Duration giveUpAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), 1.5, Duration.ofSeconds(60),
            Duration.ofMinutes(10), Duration.ofHours(24));

    /** The wait before attempt {@code failedAttempts + 1}, before jitter. */
    public Duration backoff(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }

    /**
     * When to try again after {@code result}, or null when the message is finished with (permanent failure or too
     * old).
     *
     * @param random uniform in [0, 1), for the jitter
     */
    public Instant nextAttempt(DeliveryResult result, int failedAttempts, Instant createdAt, Instant now,
            DoubleSupplier random) {
        if (result.outcome() != DeliveryResult.Outcome.RETRY) {
            return null;
        }
        Duration wait;
        if (result.retryAfter() != null) {
            wait = result.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : result.retryAfter();
        } else {
            long base = backoff(failedAttempts).toMillis();
            wait = Duration.ofMillis(Math.round(base * (0.5 + random.getAsDouble())));
        }
        Instant next = now.plus(wait);
        return next.isAfter(createdAt.plus(giveUpAfter)) ? null : next;
    }
}
