package io.vigil.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.vigil.notify.delivery.DeliveryResult;

class RetryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");
    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    @Test
    void backoffGrowsByHalfUpToAMinute() {
        assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofMillis(750));
        assertThat(POLICY.backoff(3)).isEqualTo(Duration.ofMillis(1125));
        assertThat(POLICY.backoff(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsTheWaitBetweenHalfAndOneAndAHalfTimes() {
        DeliveryResult serverError = DeliveryResult.retry(500, "rollup_error", "serverError");
        Instant now = CREATED.plusSeconds(10);
        assertThat(POLICY.nextAttempt(serverError, 2, CREATED, now, () -> 0.0)).isEqualTo(now.plusMillis(375));
        assertThat(POLICY.nextAttempt(serverError, 2, CREATED, now, () -> 0.999_999)).isEqualTo(now.plusMillis(1125));
    }

    @Test
    void retryAfterIsWaitedExactlyWithoutJitter() {
        DeliveryResult limited = DeliveryResult.rateLimited(429, "", Duration.ofSeconds(2));
        Instant now = CREATED.plusSeconds(1);
        assertThat(POLICY.nextAttempt(limited, 1, CREATED, now, () -> 0.9)).isEqualTo(now.plusSeconds(2));
    }

    @Test
    void anOutrageousRetryAfterIsCutToTheBound() {
        DeliveryResult limited = DeliveryResult.rateLimited(429, "", Duration.ofDays(3));
        assertThat(POLICY.nextAttempt(limited, 1, CREATED, CREATED, () -> 0.5)).isEqualTo(CREATED.plus(Duration.ofMinutes(10)));
    }

    @Test
    void permanentFailuresAndDeliveriesAreFinished() {
        assertThat(POLICY.nextAttempt(DeliveryResult.permanent(404, "no_service", "clientError"), 1, CREATED, CREATED,
                () -> 0.5)).isNull();
        assertThat(POLICY.nextAttempt(DeliveryResult.delivered(200, "ok"), 1, CREATED, CREATED, () -> 0.5)).isNull();
    }

    @Test
    void aMessageIsGivenUpOnceItsNextAttemptWouldBePastTheLimit() {
        DeliveryResult network = DeliveryResult.retry(null, "Connection refused", "network");
        Instant almost = CREATED.plus(Duration.ofHours(24)).minusSeconds(90);
        assertThat(POLICY.nextAttempt(network, 40, CREATED, almost, () -> 0.5)).isEqualTo(almost.plusSeconds(60));
        assertThat(POLICY.nextAttempt(network, 40, CREATED, almost.plusSeconds(60), () -> 0.5)).isNull();
    }
}
