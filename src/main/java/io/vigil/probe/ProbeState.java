package io.vigil.probe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.vigil.config.ProbeDefinition;
import io.vigil.sample.Labels;

/** One configured probe as it runs: its definition, its place in the schedule and its recent results. */
public final class ProbeState {

    private final ProbeDefinition definition;
    private final Labels labels;
    private final int keptResults;
    private final Deque<ProbeResult> recent = new ArrayDeque<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant nextRunAt;
    private volatile ProbeScheduler.Handle handle;
    private Counter succeeded;
    private Counter failed;

    ProbeState(ProbeDefinition definition, int keptResults) {
        this.definition = definition;
        this.keptResults = Math.max(1, keptResults);
        Map<String, String> all = new LinkedHashMap<>(definition.labels());
        all.put("probe", definition.name());
        all.put("type", definition.type());
        this.labels = Labels.of(all);
    }

    public ProbeDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    /** probe, type and the configured labels: what every sample of this probe carries. */
    public Labels labels() {
        return labels;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    void nextRunAt(Instant at) {
        nextRunAt = at;
    }

    /** The run counters, registered once so that both outcomes are exported from the start. */
    void counters(Counter succeededRuns, Counter failedRuns) {
        this.succeeded = succeededRuns;
        this.failed = failedRuns;
    }

    void countRun(boolean success) {
        Counter counter = success ? succeeded : failed;
        if (counter != null) {
            counter.increment();
        }
    }

    void handle(ProbeScheduler.Handle handle) {
        this.handle = handle;
    }

    void cancel() {
        ProbeScheduler.Handle current = handle;
        if (current != null) {
            current.cancel();
        }
    }

    /** Claims the probe for a run; false when a run is already going. */
    boolean tryStart() {
        return running.compareAndSet(false, true);
    }

    void finished() {
        running.set(false);
    }

    synchronized void add(ProbeResult result) {
        // Only the newest result keeps its samples: older ones are history, and with thousands of
        // probes their samples would be most of the heap.
        ProbeResult previous = recent.pollFirst();
        if (previous != null) {
            recent.addFirst(previous.withoutSamples());
        }
        recent.addFirst(result);
        while (recent.size() > keptResults) {
            recent.removeLast();
        }
    }

    /** Takes over the results of the state this one replaces on reload. */
    synchronized void inherit(ProbeState previous) {
        recent.addAll(previous.recentResults());
    }

    public synchronized Optional<ProbeResult> lastResult() {
        return Optional.ofNullable(recent.peekFirst());
    }

    /** Newest first. */
    public synchronized List<ProbeResult> recentResults() {
        return new ArrayList<>(recent);
    }
}
