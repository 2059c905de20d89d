package io.vigil.notify.silence;

import java.time.Instant;
import java.util.List;

import io.vigil.notify.Matcher;
import io.vigil.sample.Labels;

/** A silence: alerts matching all its matchers are not notified between {@code startsAt} and {@code endsAt}. */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant updatedAt) {

    /** Alertmanager's silence states. */
    public enum State {
        PENDING, ACTIVE, EXPIRED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Silence {
        matchers = List.copyOf(matchers);
    }

    public State state(Instant now) {
        if (!endsAt.isAfter(now)) {
            return State.EXPIRED;
        }
        return startsAt.isAfter(now) ? State.PENDING : State.ACTIVE;
    }

    public boolean mutes(Labels labels, Instant now) {
        return state(now) == State.ACTIVE && matchers.stream().allMatch(m -> m.matches(labels));
    }
}
