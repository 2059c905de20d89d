package io.vigil.notify.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.config.VigilSettings;

/** The delivery settings of application.properties, as the worker uses them. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    VigilSettings settings;

    public Duration timeout() {
        return settings.notifications().timeout();
    }

    public RetryPolicy retryPolicy() {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        return new RetryPolicy(defaults.initial(), defaults.multiplier(), defaults.max(),
                settings.notifications().maxRetryAfter(), settings.notifications().giveUpAfter());
    }
}
