package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.sample.Labels;

/** Prometheus's alert state machine, one evaluation at a time on a virtual clock. */
class AlertTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final Labels WEB = Labels.of("alertname", "Down", "probe", "web");
    private static final Labels DB = Labels.of("alertname", "Down", "probe", "db");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static List<AlertCandidate> breached(Labels... labels) {
        return Arrays.stream(labels).map(l -> new AlertCandidate(l, Map.of("summary", "down"), 1)).toList();
    }

    private static List<String> moves(List<AlertTransitioned> transitions) {
        return transitions.stream().map(t -> t.labels().get("probe") + ":" + t.from().label() + "->" + t.to().label()).toList();
    }

    @Test
    void pendsForTheHoldDurationThenFires() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(2), Duration.ZERO);

        assertThat(moves(tracker.evaluate(breached(WEB), at(0)))).containsExactly("web:inactive->pending");
        assertThat(moves(tracker.evaluate(breached(WEB), at(1)))).isEmpty();
        List<AlertTransitioned> firing = tracker.evaluate(breached(WEB), at(2));

        assertThat(moves(firing)).containsExactly("web:pending->firing");
        assertThat(firing.get(0).activeAt()).isEqualTo(at(0));
        assertThat(firing.get(0).firedAt()).isEqualTo(at(2));
        assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void withoutForAnAlertFiresOnItsFirstEvaluation() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ZERO);
        assertThat(moves(tracker.evaluate(breached(WEB), at(0))))
                .containsExactly("web:inactive->pending", "web:pending->firing");
    }

    @Test
    void oneEvaluationWithoutTheSeriesResetsAPendingAlert() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(2), Duration.ZERO);
        tracker.evaluate(breached(WEB), at(0));
        assertThat(moves(tracker.evaluate(List.of(), at(1)))).containsExactly("web:pending->inactive");
        assertThat(tracker.alerts()).isEmpty();

        tracker.evaluate(breached(WEB), at(2));
        assertThat(moves(tracker.evaluate(breached(WEB), at(3)))).as("for starts over").isEmpty();
        assertThat(moves(tracker.evaluate(breached(WEB), at(4)))).containsExactly("web:pending->firing");
    }

    @Test
    void aFiringAlertResolvesAndIsKeptFifteenMinutes() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ZERO);
        tracker.evaluate(breached(WEB), at(0));

        List<AlertTransitioned> resolved = tracker.evaluate(List.of(), at(1));
        assertThat(moves(resolved)).containsExactly("web:firing->inactive");
        assertThat(tracker.alerts()).singleElement().satisfies(a -> assertThat(a.resolvedAt()).isEqualTo(at(1)));

        tracker.evaluate(List.of(), at(16));
        assertThat(tracker.alerts()).as("still within 15m").hasSize(1);
        tracker.evaluate(List.of(), at(17));
        assertThat(tracker.alerts()).isEmpty();
    }

    @Test
    void keepFiringForHoldsAFiringAlertThroughAGap() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ofMinutes(5));
        tracker.evaluate(breached(WEB), at(0));

        assertThat(moves(tracker.evaluate(List.of(), at(1)))).isEmpty();
        assertThat(moves(tracker.evaluate(List.of(), at(5)))).isEmpty();
        assertThat(moves(tracker.evaluate(List.of(), at(6)))).containsExactly("web:firing->inactive");
    }

    @Test
    void keepFiringForStartsAfreshWhenTheSeriesReturns() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ofMinutes(5));
        tracker.evaluate(breached(WEB), at(0));
        tracker.evaluate(List.of(), at(1));
        tracker.evaluate(breached(WEB), at(4));

        assertThat(moves(tracker.evaluate(List.of(), at(8)))).as("5m counted from 8, not 1").isEmpty();
        assertThat(moves(tracker.evaluate(List.of(), at(13)))).containsExactly("web:firing->inactive");
    }

    @Test
    void aResolvedAlertThatReturnsStartsOverAsPending() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(1), Duration.ZERO);
        tracker.evaluate(breached(WEB), at(0));
        tracker.evaluate(breached(WEB), at(1));
        tracker.evaluate(List.of(), at(2));

        List<AlertTransitioned> back = tracker.evaluate(breached(WEB), at(3));
        assertThat(moves(back)).containsExactly("web:inactive->pending");
        assertThat(back.get(0).activeAt()).isEqualTo(at(3));
    }

    @Test
    void instancesAreIndependent() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(1), Duration.ZERO);
        tracker.evaluate(breached(WEB), at(0));
        assertThat(moves(tracker.evaluate(breached(WEB, DB), at(1))))
                .containsExactlyInAnyOrder("db:inactive->pending", "web:pending->firing");
    }

    @Test
    void valueAndAnnotationsFollowTheLatestEvaluation() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ZERO);
        tracker.evaluate(List.of(new AlertCandidate(WEB, Map.of("summary", "at 1"), 1)), at(0));
        tracker.evaluate(List.of(new AlertCandidate(WEB, Map.of("summary", "at 7"), 7)), at(1));

        assertThat(tracker.alerts()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(7);
            assertThat(a.annotations()).containsEntry("summary", "at 7");
        });
    }

    @Test
    void aDuplicateIdentityFailsTheEvaluationAndChangesNothing() {
        AlertTracker tracker = new AlertTracker(Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(() -> tracker.evaluate(breached(WEB, WEB), at(0)))
                .isInstanceOf(DuplicateAlertException.class)
                .hasMessageContaining("same labelset after applying alert labels");
        assertThat(tracker.alerts()).isEmpty();
    }

    @Test
    void restoredFiringAlertsStayFiringWithoutFiringAgain() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(10), Duration.ZERO);
        tracker.restore(List.of(Alert.restored(WEB, Map.of(), AlertState.FIRING, 1, at(0), at(10), null)));

        assertThat(moves(tracker.evaluate(breached(WEB), at(30)))).isEmpty();
        assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void restoredPendingAlertsKeepTheirActiveAt() {
        AlertTracker tracker = new AlertTracker(Duration.ofMinutes(10), Duration.ZERO);
        tracker.restore(List.of(Alert.restored(WEB, Map.of(), AlertState.PENDING, 1, at(0), null, null)));

        assertThat(moves(tracker.evaluate(breached(WEB), at(9)))).isEmpty();
        assertThat(moves(tracker.evaluate(breached(WEB), at(10)))).containsExactly("web:pending->firing");
    }
}
