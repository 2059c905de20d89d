package io.vigil.notify.config;

import java.util.List;

/**
 * A named receiver and its integrations, in file order: email configs first, then Slack, then webhooks, as
 * Alertmanager builds them. An integration is identified by its receiver, type and index within that type.
 */
public record ReceiverConfig(String name, List<IntegrationConfig> integrations) {

    public ReceiverConfig {
        integrations = List.copyOf(integrations);
    }
}
