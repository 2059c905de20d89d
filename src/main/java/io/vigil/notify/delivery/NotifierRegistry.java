package io.vigil.notify.delivery;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vigil.notify.config.IntegrationConfig;

/** The notifier of each integration type, found through CDI. */
@ApplicationScoped
public class NotifierRegistry {

    private final Map<Class<?>, Notifier<?>> byConfigType = new HashMap<>();

    @Inject
    NotifierRegistry(@Any Instance<Notifier<?>> notifiers) {
        for (Notifier<?> notifier : notifiers) {
            byConfigType.put(notifier.configType(), notifier);
        }
    }

    /** The notifier for {@code config}'s type; every integration type the config parser knows has one. */
    @SuppressWarnings("unchecked")
    public <C extends IntegrationConfig> Notifier<C> forConfig(C config) {
        Notifier<C> notifier = (Notifier<C>) byConfigType.get(config.getClass());
        if (notifier == null) {
            throw new IllegalStateException("no notifier for " + config.integration());
        }
        return notifier;
    }
}
