package io.vigil.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aSlackTargetWaitsASecondBetweenMessagesAndOthersDoNot() {
        Pacer pacer = new Pacer();
        pacer.started("ops/slack[0]", T0, Duration.ofSeconds(1));
        pacer.started("ops/email[0]", T0, Duration.ZERO);
        assertThat(pacer.earliest("ops/slack[0]", T0.plusMillis(200))).isEqualTo(T0.plusSeconds(1));
        assertThat(pacer.earliest("ops/email[0]", T0.plusMillis(200))).isEqualTo(T0.plusMillis(200));
        assertThat(pacer.earliest("ops/slack[0]", T0.plusMillis(1500))).isEqualTo(T0.plusMillis(1500));
    }

    @Test
    void lapsedTargetsAreForgotten() {
        Pacer pacer = new Pacer();
        pacer.started("a", T0, Duration.ofSeconds(1));
        pacer.forgetBefore(T0.plusSeconds(2));
        assertThat(pacer.earliest("a", T0)).isEqualTo(T0);
    }
}
