package io.vigil.notify.delivery;

import java.time.Duration;

/**
 * How one delivery attempt ended.
 *
 * @param httpStatus HTTP status, or the SMTP reply code for email; null when no reply came
 * @param reply      the reply body or SMTP reply text (trimmed to a few hundred characters), or the network error
 * @param retryAfter the wait the receiver asked for (429 {@code Retry-After}); null when it named none
 * @param reason     for {@code vigil_notifications_failed_total{reason}}: {@code clientError}, {@code serverError},
 *                   {@code rateLimited}, {@code network}, {@code timeout}, {@code other}; null when delivered
 */
public record DeliveryResult(Outcome outcome, Integer httpStatus, String reply, Duration retryAfter, String reason) {

    public enum Outcome {
        DELIVERED,
        /** Worth another attempt after a backoff (network error, 5xx, 429, SMTP 4xx). */
        RETRY,
        /** Retrying cannot help (4xx other than 429, SMTP 5xx, a bad address). */
        PERMANENT
    }

    static final int MAX_REPLY = 500;

    public DeliveryResult {
        if (reply != null && reply.length() > MAX_REPLY) {
            reply = reply.substring(0, MAX_REPLY) + "…";
        }
    }

    public static DeliveryResult delivered(Integer status, String reply) {
        return new DeliveryResult(Outcome.DELIVERED, status, reply, null, null);
    }

    public static DeliveryResult retry(Integer status, String reply, String reason) {
        return new DeliveryResult(Outcome.RETRY, status, reply, null, reason);
    }

    public static DeliveryResult rateLimited(Integer status, String reply, Duration retryAfter) {
        return new DeliveryResult(Outcome.RETRY, status, reply, retryAfter, "rateLimited");
    }

    public static DeliveryResult permanent(Integer status, String reply, String reason) {
        return new DeliveryResult(Outcome.PERMANENT, status, reply, null, reason);
    }
}
