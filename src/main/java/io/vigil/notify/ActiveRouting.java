package io.vigil.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.AlertmanagerGlobal;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.config.ReceiverConfig;
import io.vigil.notify.config.RouteConfig;

/**
 * The Alertmanager configuration in force and the vigil.yaml values notifications need. Delivery reads it at send
 * time, so a message queued before a reload goes out with the receiver's current settings (and secrets).
 */
@ApplicationScoped
public class ActiveRouting {

    /** Without an {@code alertmanager_config}, alerts are grouped but go to a receiver with no integrations. */
    public static final AlertmanagerConfig NONE = new AlertmanagerConfig("(no alertmanager_config)",
            new AlertmanagerGlobal(AlertmanagerGlobal.DEFAULT_RESOLVE_TIMEOUT),
            new RouteConfig("none", List.of("alertname"), false, RouteConfig.DEFAULT_GROUP_WAIT,
                    RouteConfig.DEFAULT_GROUP_INTERVAL, RouteConfig.DEFAULT_REPEAT_INTERVAL, List.of(), false, List.of(),
                    List.of(), List.of(), "route"),
            Map.of("none", new ReceiverConfig("none", List.of())), List.of(), Map.of());

    private volatile AlertmanagerConfig config = NONE;
    private volatile String externalUrl = "";

    public AlertmanagerConfig config() {
        return config;
    }

    /** vigil.yaml's {@code global.external_url}, for links in notifications; empty when not set. */
    public String externalUrl() {
        return externalUrl;
    }

    public void apply(AlertmanagerConfig config, String externalUrl) {
        this.config = config;
        this.externalUrl = externalUrl == null ? "" : externalUrl;
    }

    /** The integration {@code key} (e.g. {@code slack[0]}) of {@code receiver} in the current configuration. */
    public Optional<IntegrationConfig> integration(String receiver, String key) {
        return config.receiver(receiver)
                .flatMap(r -> r.integrations().stream().filter(i -> i.key().equals(key)).findFirst());
    }
}
