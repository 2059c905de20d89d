package io.vigil.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.notify.NotifiableAlert;
import io.vigil.sample.Labels;

/** A re-posted alert merged with the held one, as Alertmanager's alert store and {@code alert.Merge} do. */
class AlertMergeTest {

    private static final Labels LABELS = Labels.of("alertname", "Down");
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static NotifiableAlert alert(int start, Integer end, boolean timeout) {
        return new NotifiableAlert(LABELS, Map.of("at", start + "-" + end), at(start), end == null ? null : at(end),
                "", timeout);
    }

    private static NotifiableAlert put(NotifiableAlert held, NotifiableAlert incoming, int nowMinutes) {
        AlertStore store = new AlertStore();
        store.put(held, at(nowMinutes));
        return store.put(incoming, at(nowMinutes)).tracked().alert;
    }

    @Test
    void anOverlappingRepostKeepsTheEarliestStartAndTakesTheRest() {
        NotifiableAlert merged = put(alert(0, 10, true), alert(2, 12, true), 3);
        assertThat(merged.startsAt()).isEqualTo(at(0));
        assertThat(merged.endsAt()).isEqualTo(at(12));
        assertThat(merged.annotations()).containsEntry("at", "2-12");
    }

    @Test
    void aLaterExplicitEndBeatsAnIncomingEndWhileTheAlertFires() {
        NotifiableAlert merged = put(alert(0, 10, false), alert(1, 5, true), 3);
        assertThat(merged.endsAt()).isEqualTo(at(10));
        assertThat(merged.endsAtIsTimeout()).isFalse();
    }

    @Test
    void aLaterTimeoutEndDoesNotBeatAnIncomingExplicitEnd() {
        NotifiableAlert merged = put(alert(0, 10, true), alert(1, 5, false), 3);
        assertThat(merged.endsAt()).isEqualTo(at(5));
    }

    @Test
    void whenBothAreResolvedTheLatestEndWins() {
        NotifiableAlert merged = put(alert(0, 3, false), alert(1, 2, false), 4);
        assertThat(merged.endsAt()).isEqualTo(at(3));
    }

    @Test
    void anOpenEndedHeldAlertStaysOpenUnderATimeoutRepost() {
        NotifiableAlert merged = put(alert(0, null, false), alert(1, 6, true), 2);
        assertThat(merged.endsAt()).isNull();
    }

    @Test
    void aResolutionOfAnOpenEndedAlertIsTaken() {
        NotifiableAlert merged = put(alert(0, null, false), alert(0, 2, false), 3);
        assertThat(merged.endsAt()).isEqualTo(at(2));
        assertThat(merged.resolvedAt(at(3))).isTrue();
    }

    @Test
    void aReactivationAfterTheResolutionIsANewOccurrence() {
        NotifiableAlert merged = put(alert(0, 3, false), alert(5, null, false), 6);
        assertThat(merged.startsAt()).isEqualTo(at(5));
        assertThat(merged.endsAt()).isNull();
    }

    @Test
    void aRepostWithTheSameStartAndALaterEndReplacesTheHeldAlert() {
        NotifiableAlert merged = put(alert(0, 4, true), alert(0, 8, true), 1);
        assertThat(merged.endsAt()).isEqualTo(at(8));
        assertThat(merged.annotations()).containsEntry("at", "0-8");
    }
}
