package io.vigil.probe;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.config.ConfigApplied;
import io.vigil.config.ProbeDefinition;
import io.vigil.config.VigilSettings;
import io.vigil.metrics.VigilMetrics;
import io.vigil.sample.Sample;
import io.vigil.sample.SeriesKey;
import io.vigil.sample.SeriesStore;
import io.vigil.sample.Staleness;

/**
 * Keeps the configured probes running: schedules them when a configuration is applied, records
 * each result (history, metrics, event) and runs one on demand.
 */
@ApplicationScoped
public class ProbeService {

    @Inject
    ProbeRegistry registry;

    @Inject
    SeriesStore history;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    @Inject
    VigilSettings settings;

    @Inject
    Event<ProbeRan> ran;

    @Inject
    ProbeResultStore stored;

    private final Map<String, ProbeState> states = new ConcurrentHashMap<>();
    private ProbeRunner runner;
    private ProbeScheduler scheduler;
    private Timer scheduleLag;

    @PostConstruct
    void start() {
        runner = new ProbeRunner(clock);
        scheduleLag = Timer.builder(VigilMetrics.PROBE_SCHEDULE_LAG)
                .description("How late probe runs start against their schedule")
                .serviceLevelObjectives(VigilMetrics.LAG_BUCKETS)
                .register(meters);
        scheduler = new ProbeScheduler(clock, scheduleLag::record);
    }

    @PreDestroy
    void stop() {
        scheduler.close();
    }

    @Scheduled(every = "${vigil.probes.persist-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void persistLastResults() {
        stored.flush();
    }

    void persistOnShutdown(@Observes ShutdownEvent event) {
        stored.flush();
    }

    void onConfigApplied(@Observes ConfigApplied applied) {
        Map<String, ProbeDefinition> wanted = new HashMap<>();
        applied.config().probes().forEach(p -> wanted.put(p.name(), p));
        Map<String, ProbeState> replaced = new HashMap<>();
        Map<String, ProbeLastResult> restored = applied.previous() == null ? stored.loadAll() : Map.of();
        stored.retainOnly(wanted.keySet());
        for (ProbeState state : List.copyOf(states.values())) {
            if (!state.definition().equals(wanted.get(state.name()))) {
                state.cancel();
                states.remove(state.name());
                replaced.put(state.name(), state);
                if (!wanted.containsKey(state.name())) {
                    state.lastResult().ifPresent(last -> markStale(state, last.samples(), clock.millis()));
                    meters.find(VigilMetrics.PROBE_RUNS).tag(VigilMetrics.TAG_PROBE, state.name()).meters()
                            .forEach(meters::remove);
                }
            }
        }
        for (ProbeDefinition definition : applied.config().probes()) {
            if (!states.containsKey(definition.name())) {
                ProbeState state = new ProbeState(definition, settings.probes().recentResults());
                ProbeState previous = replaced.get(definition.name());
                ProbeLastResult last = restored.get(definition.name());
                if (previous != null) {
                    state.inherit(previous);
                } else if (last != null && last.probeType.equals(definition.type())) {
                    state.add(new ProbeResult(last.runAt, last.success, last.durationSeconds, last.error, List.of()));
                }
                state.counters(runCounter(definition.name(), VigilMetrics.RESULT_SUCCESS),
                        runCounter(definition.name(), VigilMetrics.RESULT_FAILURE));
                states.put(definition.name(), state);
                state.handle(scheduler.schedule(definition.name(), definition.interval(),
                        planned -> runScheduled(state), state::nextRunAt));
            }
        }
    }

    private void runScheduled(ProbeState state) {
        if (!state.tryStart()) {
            meters.counter(VigilMetrics.PROBE_RUNS_SKIPPED, VigilMetrics.TAG_PROBE, state.name()).increment();
            return;
        }
        try {
            record(state, runner.run(registry.probe(state.definition().type()), state.definition()));
        } finally {
            state.finished();
        }
    }

    private Counter runCounter(String probe, String result) {
        return Counter.builder(VigilMetrics.PROBE_RUNS)
                .description("Probe runs by outcome")
                .tag(VigilMetrics.TAG_PROBE, probe)
                .tag(VigilMetrics.TAG_RESULT, result)
                .register(meters);
    }

    /** Runs a probe now, outside its schedule, and records the result like any other. */
    public Optional<ProbeResult> runNow(String name) {
        ProbeState state = states.get(name);
        if (state == null) {
            return Optional.empty();
        }
        ProbeResult result = runner.run(registry.probe(state.definition().type()), state.definition());
        record(state, result);
        return Optional.of(result);
    }

    private void record(ProbeState state, ProbeResult result) {
        if (states.get(state.name()) != state) {
            return;
        }
        Optional<ProbeResult> previous = state.lastResult();
        state.add(result);
        stored.remember(state, result);
        history.append(result.at().toEpochMilli(), state.labels(), result.samples());
        previous.ifPresent(last -> markStale(state, vanished(last.samples(), result.samples()),
                result.at().toEpochMilli()));
        state.countRun(result.success());
        ran.fire(new ProbeRan(state.definition(), result));
    }

    /**
     * Ends series that a probe no longer produces with Prometheus's staleness marker, as a scrape
     * does, so that rules stop seeing them at once rather than for the five-minute lookback.
     */
    private void markStale(ProbeState state, List<Sample> samples, long atMillis) {
        if (!samples.isEmpty()) {
            history.append(atMillis, state.labels(),
                    samples.stream().map(s -> new Sample(s.metric(), s.labels(), Staleness.MARKER)).toList());
        }
    }

    private static List<Sample> vanished(List<Sample> before, List<Sample> now) {
        Set<SeriesKey> present = new HashSet<>();
        now.forEach(sample -> present.add(new SeriesKey(sample.metric(), sample.labels())));
        return before.stream().filter(sample -> !present.contains(new SeriesKey(sample.metric(), sample.labels()))).toList();
    }

    public Optional<ProbeState> find(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** Every running probe, in name order. */
    public List<ProbeState> all() {
        Collection<ProbeState> values = states.values();
        return values.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public boolean schedulerRunning() {
        return scheduler.isRunning();
    }
}
