package io.vigil.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.vigil.notify.outbox.DeliveryQueues.Queued;

class DeliveryQueuesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** Email paced by nothing; Slack receivers paced by one shared webhook, a second apart. */
    private static final DeliveryQueues.Pacing PACING = new DeliveryQueues.Pacing() {
        @Override
        public String key(Queued queued) {
            return queued.integration().startsWith("slack") ? "the-shared-webhook" : queued.target();
        }

        @Override
        public Duration spacing(Queued queued) {
            return queued.integration().startsWith("slack") ? Duration.ofSeconds(1) : Duration.ZERO;
        }
    };

    private final DeliveryQueues queues = new DeliveryQueues();

    private static Queued message(long id, String receiver, String integration, String group) {
        return new Queued(id, receiver, integration, group, T0, 0, T0);
    }

    @Test
    void aGroupsMessagesGoOutOneAfterTheOtherWhileOtherGroupsGoOn() {
        queues.add(message(1, "team", "email[0]", "a"));
        queues.add(message(2, "team", "email[0]", "a"));
        queues.add(message(3, "team", "email[0]", "b"));

        assertThat(queues.startDue(T0, PACING)).extracting(Queued::id).containsExactly(1L, 3L);
        assertThat(queues.startDue(T0, PACING)).isEmpty();

        queues.finished(message(1, "team", "email[0]", "a"), null, 1);
        assertThat(queues.startDue(T0, PACING)).extracting(Queued::id).containsExactly(2L);
        assertThat(queues.size()).isEqualTo(2);
    }

    @Test
    void aFailedHeadWaitsForItsRetryAndKeepsTheOnesBehindItWaiting() {
        Queued firing = message(1, "team", "email[0]", "a");
        queues.add(firing);
        queues.add(message(2, "team", "email[0]", "a"));
        queues.startDue(T0, PACING);

        queues.finished(firing, T0.plusSeconds(5), 1);

        assertThat(queues.startDue(T0.plusSeconds(4), PACING)).isEmpty();
        assertThat(queues.nextStart(T0.plusSeconds(4), T0.plusSeconds(60), PACING::key)).isEqualTo(T0.plusSeconds(5));
        assertThat(queues.startDue(T0.plusSeconds(5), PACING)).singleElement()
                .satisfies(q -> assertThat(q.id()).isEqualTo(1L)).satisfies(q -> assertThat(q.attempts()).isEqualTo(1));
    }

    @Test
    void receiversSharingASlackWebhookShareItsPace() {
        queues.add(message(1, "oncall", "slack[0]", "a"));
        queues.add(message(2, "platform", "slack[0]", "b"));

        assertThat(queues.startDue(T0, PACING)).extracting(Queued::id).containsExactly(1L);
        assertThat(queues.startDue(T0.plusMillis(999), PACING)).isEmpty();
        assertThat(queues.startDue(T0.plusSeconds(1), PACING)).extracting(Queued::id).containsExactly(2L);
    }

    @Test
    void aRetryAfterHoldsEveryMessageToThatWebhook() {
        Queued first = message(1, "oncall", "slack[0]", "a");
        queues.add(first);
        queues.add(message(2, "platform", "slack[0]", "b"));
        queues.startDue(T0, PACING);

        queues.holdUntil("the-shared-webhook", T0.plusSeconds(30));
        queues.finished(first, T0.plusSeconds(30), 1);

        assertThat(queues.startDue(T0.plusSeconds(29), PACING)).isEmpty();
        assertThat(queues.startDue(T0.plusSeconds(30), PACING)).extracting(Queued::id).containsExactly(1L);
    }

    @Test
    void aMessageFinishedTwiceIsCountedOnce() {
        Queued only = message(1, "team", "email[0]", "a");
        queues.add(only);
        queues.startDue(T0, PACING);
        queues.finished(only, null, 1);
        queues.finished(only, null, 1);
        assertThat(queues.size()).isZero();
    }
}
