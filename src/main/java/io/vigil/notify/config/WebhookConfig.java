package io.vigil.notify.config;

import io.vigil.notify.Secret;

/**
 * A {@code webhook_configs} entry: Alertmanager's webhook payload version "4" is POSTed to {@code url}.
 *
 * @param maxAlerts 0 for all; otherwise alerts beyond it are dropped and counted in {@code truncatedAlerts}
 */
public record WebhookConfig(int index, boolean sendResolved, Secret url, int maxAlerts) implements IntegrationConfig {

    @Override
    public String integration() {
        return "webhook";
    }
}
