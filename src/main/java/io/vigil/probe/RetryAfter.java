package io.vigil.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a rate-limited target asks to be left alone: {@code Retry-After} (seconds or an HTTP
 * date), else {@code X-RateLimit-Reset} (a Unix time, or seconds from now when the number is small).
 */
public final class RetryAfter {

    /** Below this, X-RateLimit-Reset is a number of seconds to wait rather than a Unix time. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String retryAfter, String rateLimitReset, Clock clock) {
        Instant now = clock.instant();
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.strip();
            try {
                return Optional.of(atLeastZero(Duration.ofMillis((long) (Double.parseDouble(value) * 1000))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(atLeastZero(Duration.between(now, at)));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
        if (rateLimitReset != null && !rateLimitReset.isBlank()) {
            try {
                long value = Long.parseLong(rateLimitReset.strip());
                Duration wait = value >= EPOCH_THRESHOLD
                        ? Duration.between(now, Instant.ofEpochSecond(value)) : Duration.ofSeconds(value);
                return Optional.of(atLeastZero(wait));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration atLeastZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
