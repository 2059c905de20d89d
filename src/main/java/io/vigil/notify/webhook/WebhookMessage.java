package io.vigil.notify.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Alertmanager's webhook payload, version "4", with its fields in the order Alertmanager's encoder writes them
 * (the template data it embeds first, then version, groupKey and truncatedAlerts). Maps are written with sorted
 * keys, as Go writes them.
 *
 * @param notificationReason Alertmanager 0.32+'s {@code notification_reason}, e.g. {@code first notification}
 */
@JsonPropertyOrder({"receiver", "status", "alerts", "notification_reason", "groupLabels", "commonLabels",
        "commonAnnotations", "externalURL", "version", "groupKey", "truncatedAlerts"})
public record WebhookMessage(String receiver, String status, List<Alert> alerts,
        @JsonProperty("notification_reason") String notificationReason, Map<String, String> groupLabels,
        Map<String, String> commonLabels, Map<String, String> commonAnnotations,
        @JsonProperty("externalURL") String externalUrl, String version, String groupKey, int truncatedAlerts) {

    public static final String VERSION = "4";

    /**
     * One alert; times are Go's RFC 3339 with nanoseconds, and {@code endsAt} of an alert still firing is Go's zero
     * time {@code 0001-01-01T00:00:00Z}.
     */
    @JsonPropertyOrder({"status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"})
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
            String endsAt, @JsonProperty("generatorURL") String generatorUrl, String fingerprint) {
    }
}
