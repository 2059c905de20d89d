package io.vigil.notify.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.notify.config.WebhookConfig;
import io.vigil.notify.delivery.AlertmanagerValues;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.HttpDelivery;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotificationData.AlertData;
import io.vigil.notify.delivery.NotificationJson;
import io.vigil.notify.delivery.Notifier;

/**
 * Alertmanager's {@code webhook_configs}: the version 4 payload POSTed as JSON, so that receivers written for
 * Alertmanager work unchanged. The URL may carry a token, so it is read only when sending.
 */
@ApplicationScoped
public class WebhookNotifier implements Notifier<WebhookConfig> {

    private final HttpDelivery http;

    public WebhookNotifier() {
        this(Clock.systemUTC());
    }

    WebhookNotifier(Clock clock) {
        this.http = new HttpDelivery(clock);
    }

    @Override
    public Class<WebhookConfig> configType() {
        return WebhookConfig.class;
    }

    @Override
    public String render(NotificationData data, WebhookConfig config) {
        return NotificationJson.write(message(data, config.maxAlerts()));
    }

    /**
     * As Alertmanager, alerts beyond {@code maxAlerts} are dropped before the template data is made, so status and
     * common labels describe the alerts sent.
     */
    static WebhookMessage message(NotificationData data, int maxAlerts) {
        List<AlertData> alerts = data.alerts();
        int truncated = 0;
        if (maxAlerts > 0 && alerts.size() > maxAlerts) {
            truncated = alerts.size() - maxAlerts;
            alerts = alerts.subList(0, maxAlerts);
        }
        boolean firing = alerts.stream().anyMatch(a -> "firing".equals(a.status()));
        return new WebhookMessage(AlertmanagerValues.quoteMeta(data.receiver()), firing ? "firing" : "resolved",
                alerts.stream().map(WebhookNotifier::alert).toList(),
                AlertmanagerValues.reason(data.notificationReason()), orEmpty(data.groupLabels()),
                common(alerts, AlertData::labels), common(alerts, AlertData::annotations),
                data.externalUrl() == null ? "" : data.externalUrl(), WebhookMessage.VERSION,
                data.groupKey() == null ? "" : data.groupKey(), truncated);
    }

    private static WebhookMessage.Alert alert(AlertData alert) {
        return new WebhookMessage.Alert(alert.status(), orEmpty(alert.labels()), orEmpty(alert.annotations()),
                AlertmanagerValues.goTime(alert.startsAt()),
                AlertmanagerValues.goTime("firing".equals(alert.status()) ? null : alert.endsAt()),
                alert.generatorUrl() == null ? "" : alert.generatorUrl(), alert.fingerprint());
    }

    private static Map<String, String> common(List<AlertData> alerts, Function<AlertData, Map<String, String>> kv) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new LinkedHashMap<>(orEmpty(kv.apply(alerts.getFirst())));
        for (AlertData alert : alerts.subList(1, alerts.size())) {
            Map<String, String> other = orEmpty(kv.apply(alert));
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return common;
    }

    private static Map<String, String> orEmpty(Map<String, String> kv) {
        return kv == null ? Map.of() : kv;
    }

    @Override
    public DeliveryResult deliver(String message, WebhookConfig config, Duration timeout) {
        return http.postJson(config.url(), message, timeout);
    }

    @PreDestroy
    public void close() {
        http.close();
    }
}
