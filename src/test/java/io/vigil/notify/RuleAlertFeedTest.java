package io.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.alert.AlertTransitioned;
import io.vigil.sample.Labels;

class RuleAlertFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Labels DOWN = Labels.of("alertname", "Down", "probe", "web", "env", "staging");

    private final RuleAlertFeed feed = new RuleAlertFeed();

    RuleAlertFeedTest() {
        feed.configure(Map.of("env", "prod", "region", "eu"), "https://vigil.example.com/");
    }

    @Test
    void aFiringAlertCarriesTheExternalLabelsItDoesNotHave() {
        List<NotifiableAlert> sent = feed.transitioned(new AlertTransitioned(DOWN, Map.of("summary", "web is down"),
                AlertState.PENDING, AlertState.FIRING, 1, T0, T0.plusSeconds(60), T0.plusSeconds(60)));

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.labels()).isEqualTo(DOWN.with("region", "eu"));
            assertThat(alert.startsAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(alert.endsAt()).isNull();
            assertThat(alert.generatorUrl()).isEqualTo("https://vigil.example.com/api/v1/alerts");
        });
    }

    @Test
    void pendingAlertsAreNotSentAndAResolutionEndsTheAlert() {
        assertThat(feed.transitioned(new AlertTransitioned(DOWN, Map.of(), AlertState.INACTIVE, AlertState.PENDING, 1,
                T0, null, T0))).isEmpty();
        List<NotifiableAlert> resolved = feed.transitioned(new AlertTransitioned(DOWN, Map.of(), AlertState.FIRING,
                AlertState.INACTIVE, 1, T0, T0.plusSeconds(60), T0.plusSeconds(300)));
        assertThat(resolved).singleElement().satisfies(alert -> {
            assertThat(alert.endsAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(alert.resolvedAt(T0.plusSeconds(300))).isTrue();
        });
    }

    @Test
    void aResendRefreshesFiringAlertsAndResolvesThoseWhoseRuleIsGone() {
        Labels other = Labels.of("alertname", "Slow", "probe", "api");
        feed.transitioned(new AlertTransitioned(DOWN, Map.of(), AlertState.PENDING, AlertState.FIRING, 1, T0, T0, T0));
        feed.transitioned(new AlertTransitioned(other, Map.of(), AlertState.PENDING, AlertState.FIRING, 1, T0, T0, T0));

        Alert stillFiring = Alert.restored(DOWN, Map.of("summary", "still down"), AlertState.FIRING, 1, T0, T0, null);
        List<NotifiableAlert> resent = feed.resend(List.of(stillFiring), T0.plusSeconds(30));

        assertThat(resent).hasSize(2);
        assertThat(resent.get(0).annotations()).containsEntry("summary", "still down");
        assertThat(resent.get(0).endsAt()).isNull();
        assertThat(resent.get(1).labels()).isEqualTo(other.with("env", "prod").with("region", "eu"));
        assertThat(resent.get(1).endsAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(feed.resend(List.of(stillFiring), T0.plusSeconds(60))).hasSize(1);
    }
}
