package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, PT0S", "30s, PT30S", "500ms, PT0.5S", "1h30m, PT1H30M", "2d, PT48H", "1w, PT168H",
        "1y, PT8760H", "1m30s250ms, PT1M30.25S"
    })
    void parsesPrometheusDurations(String text, Duration expected) {
        assertThat(PromDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1.5s", "s", "10x", "30m1h", "-5s", "1 m"})
    void rejectsWhatPrometheusRejects(String text) {
        assertThatThrownBy(() -> PromDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT15S, 15s", "PT1H30M, 1h30m", "PT0.25S, 250ms", "PT48H, 2d"})
    void formatsAsPrometheusPrints(Duration duration, String expected) {
        assertThat(PromDuration.format(duration)).isEqualTo(expected);
        assertThat(PromDuration.parse(expected)).isEqualTo(duration);
    }
}
