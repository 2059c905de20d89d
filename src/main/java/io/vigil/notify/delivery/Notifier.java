package io.vigil.notify.delivery;

import java.time.Duration;

import io.vigil.notify.config.IntegrationConfig;

/**
 * One integration type (email, Slack, webhook). A new one is a package with an {@code @ApplicationScoped}
 * implementation and its config record; CDI finds it.
 *
 * <p>Rendering and delivery are apart because the rendered message is what the outbox commits before any attempt:
 * after a restart the same bytes are sent, and two identical messages for a group are recognised as one.
 *
 * @param <C> the config record of this integration
 */
public interface Notifier<C extends IntegrationConfig> {

    Class<C> configType();

    /**
     * The message for {@code data}, complete except for secrets (URLs, passwords), which {@link #deliver} takes from
     * the config at send time so that they are never stored.
     *
     * @throws RenderException when a template fails: a permanent failure, recorded as such
     */
    String render(NotificationData data, C config);

    /**
     * One attempt. Blocking (called on a virtual thread) and bounded by {@code timeout}. A failed delivery is a
     * result, not an exception.
     */
    DeliveryResult deliver(String message, C config, Duration timeout);

    /** The least time between two messages to one {@link #pacingKey}; Slack's webhooks need a second. */
    default Duration spacing() {
        return Duration.ZERO;
    }

    /**
     * What the receiving end limits its rate by, or null to pace each integration of each receiver apart. Slack
     * limits a webhook URL, which several receivers may share. Kept in memory only, never shown.
     */
    default String pacingKey(C config) {
        return null;
    }
}
