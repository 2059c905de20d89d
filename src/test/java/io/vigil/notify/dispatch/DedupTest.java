package io.vigil.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.notify.NotificationLogEntry;

/** Alertmanager's needsUpdate table, row by row. */
class DedupTest {

    private static final Instant LAST = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration REPEAT = Duration.ofHours(4);
    private static final Instant SOON = LAST.plus(Duration.ofMinutes(5));

    private static NotificationLogEntry last(Set<String> firing, Set<String> resolved) {
        return new NotificationLogEntry("{}:{}", "team", "webhook[0]", firing, resolved, LAST,
                LAST.plus(REPEAT.multipliedBy(2)));
    }

    private static String decide(NotificationLogEntry last, Set<String> firing, Set<String> resolved,
            boolean sendResolved, Instant now) {
        return Dedup.needsUpdate(last, firing, resolved, sendResolved, REPEAT, now);
    }

    @Test
    void withoutAnEntryOnlyFiringAlertsAreNotified() {
        assertThat(decide(null, Set.of("a"), Set.of("b"), true, SOON)).isEqualTo("first_notification");
        assertThat(decide(null, Set.of(), Set.of("b"), true, SOON)).isNull();
    }

    @Test
    void aFiringAlertTheLastNotificationDidNotHaveIsNew() {
        assertThat(decide(last(Set.of("a"), Set.of()), Set.of("a", "b"), Set.of(), false, SOON))
                .isEqualTo("new_alerts_added");
        assertThat(decide(last(Set.of(), Set.of("a")), Set.of("b"), Set.of(), false, SOON))
                .as("after a resolution the group starts over").isEqualTo("first_notification");
    }

    @Test
    void nothingFiringIsAResolutionOnlyIfSomethingWasFiring() {
        assertThat(decide(last(Set.of("a"), Set.of()), Set.of(), Set.of("a"), false, SOON))
                .isEqualTo("all_alerts_resolved");
        assertThat(decide(last(Set.of(), Set.of("a")), Set.of(), Set.of("a", "b"), true, SOON)).isNull();
    }

    @Test
    void newlyResolvedAlertsAreNotifiedOnlyWithSendResolved() {
        NotificationLogEntry last = last(Set.of("a", "b"), Set.of());
        assertThat(decide(last, Set.of("a"), Set.of("b"), true, SOON)).isEqualTo("some_alerts_resolved");
        assertThat(decide(last, Set.of("a"), Set.of("b"), false, SOON)).isNull();
        assertThat(decide(last(Set.of("a"), Set.of("b")), Set.of("a"), Set.of("b"), true, SOON)).isNull();
    }

    @Test
    void anUnchangedGroupIsRepeatedOnceTheRepeatIntervalHasStrictlyPassed() {
        NotificationLogEntry last = last(Set.of("a", "b"), Set.of());
        assertThat(decide(last, Set.of("a"), Set.of(), true, LAST.plus(REPEAT))).isNull();
        assertThat(decide(last, Set.of("a"), Set.of(), true, LAST.plus(REPEAT).plusMillis(1)))
                .isEqualTo("repeat_interval_elapsed");
    }
}
