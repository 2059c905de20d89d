package io.vigil.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.config.SlackConfig;
import io.vigil.notify.config.WebhookConfig;

/** Each integration is found by CDI as the {@link Notifier} SPI says, with the Vert.x instance Quarkus manages. */
@QuarkusTest
class NotifierBeansTest {

    @Inject
    @Any
    Instance<Notifier<?>> notifiers;

    @Test
    void oneNotifierPerIntegrationType() {
        List<Class<?>> types = notifiers.stream().<Class<?>>map(Notifier::configType).toList();

        assertThat(types).containsExactlyInAnyOrder(EmailConfig.class, SlackConfig.class, WebhookConfig.class);
    }
}
