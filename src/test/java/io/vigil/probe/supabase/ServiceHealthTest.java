package io.vigil.probe.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class ServiceHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsStatusOverTheDeprecatedFlagAndNamesTheUnhealthy() throws Exception {
        ServiceHealth health = ServiceHealth.of(JSON.readTree("["
                + "{\"name\":\"auth\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"},"
                + "{\"name\":\"realtime\",\"healthy\":false,\"status\":\"UNHEALTHY\",\"error\":\"timeout\"},"
                + "{\"name\":\"storage\",\"healthy\":true,\"status\":\"COMING_UP\"},"
                + "{\"name\":\"db\",\"healthy\":true}]"));

        assertThat(health.healthy()).containsExactly(Map.entry("auth", true), Map.entry("db", true),
                Map.entry("realtime", false), Map.entry("storage", false));
        assertThat(health.allHealthy()).isFalse();
        assertThat(health.failureReason()).contains("unhealthy: realtime (UNHEALTHY: timeout), storage (COMING_UP)");
    }

    @Test
    void allHealthyHasNoReason() throws Exception {
        ServiceHealth health = ServiceHealth.of(JSON.readTree(
                "[{\"name\":\"db\",\"status\":\"ACTIVE_HEALTHY\"},{\"name\":\"rest\",\"status\":\"ACTIVE_HEALTHY\"}]"));

        assertThat(health.allHealthy()).isTrue();
        assertThat(health.failureReason()).isEmpty();
    }

    @Test
    void aServiceListedTwiceIsHealthyOnlyIfBothSaySo() throws Exception {
        ServiceHealth health = ServiceHealth.of(JSON.readTree(
                "[{\"name\":\"db\",\"status\":\"UNHEALTHY\"},{\"name\":\"db\",\"status\":\"ACTIVE_HEALTHY\"}]"));

        assertThat(health.healthy()).containsExactly(Map.entry("db", false));
    }

    @Test
    void anAnswerNamingNoServiceFails() {
        assertThatThrownBy(() -> ServiceHealth.of(JSON.readTree("[]"))).isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("no service");
        assertThatThrownBy(() -> ServiceHealth.of(JSON.readTree("{\"message\":\"Unauthorized\"}")))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("list of services");
    }
}
