package io.vigil.rule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vigil.alert.AlertTransitioned;

/** Keeps every published alert transition, for tests that check what the engine announced. */
@ApplicationScoped
public class TransitionRecorder {

    private final List<AlertTransitioned> seen = new CopyOnWriteArrayList<>();

    void record(@Observes AlertTransitioned transition) {
        seen.add(transition);
    }

    public List<AlertTransitioned> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }
}
