package io.vigil.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AlertmanagerValuesTest {

    @Test
    void timesAreWrittenAsGoWritesTimeTimeInJson() {
        assertThat(AlertmanagerValues.goTime(Instant.parse("2026-03-01T10:00:00Z"))).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(AlertmanagerValues.goTime(Instant.parse("2026-03-01T10:00:00.250Z")))
                .isEqualTo("2026-03-01T10:00:00.25Z");
        assertThat(AlertmanagerValues.goTime(Instant.parse("2026-03-01T10:00:00.000000001Z")))
                .isEqualTo("2026-03-01T10:00:00.000000001Z");
        assertThat(AlertmanagerValues.goTime(null)).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(AlertmanagerValues.readableTime(Instant.parse("2026-03-01T10:00:00.250Z")))
                .isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void sortedPairsPutAlertnameFirstAndSortTheRest() {
        assertThat(AlertmanagerValues.sortedPairs(Map.of("zone", "a", "alertname", "Down", "job", "api", "Env", "x")))
                .containsExactly(Map.entry("alertname", "Down"), Map.entry("Env", "x"), Map.entry("job", "api"),
                        Map.entry("zone", "a"));
    }

    @Test
    void receiverNamesAreQuotedAsRegexpQuoteMetaDoes() {
        assertThat(AlertmanagerValues.quoteMeta("team-x.ops (24/7)+")).isEqualTo("team-x\\.ops \\(24/7\\)\\+");
    }

    @Test
    void reasonsUseAlertmanagersWording() {
        assertThat(AlertmanagerValues.reason("first_notification")).isEqualTo("first notification");
        assertThat(AlertmanagerValues.reason("repeat_interval_elapsed")).isEqualTo("repeat interval elapsed");
        assertThat(AlertmanagerValues.reason(null)).isEmpty();
    }
}
