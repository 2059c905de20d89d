package io.vigil.probe.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.vigil.config.InvalidKeyException;

class HeartbeatSpecTest {

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new HeartbeatSpec(" ", Duration.ofMinutes(1))).isInstanceOf(InvalidKeyException.class)
                .hasMessage("missing required key \"token\"").extracting("key").isEqualTo("token");
        assertThatThrownBy(() -> new HeartbeatSpec("t", null)).extracting("key").isEqualTo("max_silence");
        assertThatThrownBy(() -> new HeartbeatSpec("t", Duration.ZERO)).hasMessage("must be greater than 0s");
    }

    @Test
    void neverPrintsItsToken() {
        assertThat(new HeartbeatSpec("s3cret-token", Duration.ofHours(26)).toString()).doesNotContain("s3cret");
    }
}
