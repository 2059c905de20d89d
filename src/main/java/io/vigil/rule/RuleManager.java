package io.vigil.rule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertStore;
import io.vigil.alert.AlertTransitioned;
import io.vigil.config.ConfigApplied;
import io.vigil.config.ConfigProposed;
import io.vigil.config.GlobalConfig;
import io.vigil.probe.ProbeRan;
import io.vigil.probe.ProbeSchedule;
import io.vigil.rule.eval.SeriesSource;
import io.vigil.sample.SeriesStore;

/**
 * Runs the rule groups of the running configuration: each on its interval, at a stable offset,
 * and also as soon as a probe delivers a sample that one of its rules reads. Alert transitions
 * are published as CDI events; who listens is not the engine's business.
 */
@ApplicationScoped
public class RuleManager {

    private static final Logger LOG = Logger.getLogger(RuleManager.class);
    private static final Duration MIN_SPACING = Duration.ofMillis(100);

    @Inject
    SeriesStore history;

    @Inject
    Clock clock;

    @Inject
    Event<AlertTransitioned> published;

    @Inject
    RuleMetrics metrics;

    @Inject
    AlertStore store;

    private final AtomicReference<List<RuleGroup>> proposed = new AtomicReference<>();
    private volatile List<ScheduledGroup> running = List.of();
    private volatile TemplateContext context = TemplateContext.EMPTY;
    private ScheduledExecutorService timer;
    private ExecutorService evaluations;

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("vigil-rule-timer").factory());
        evaluations = Executors.newVirtualThreadPerTaskExecutor();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        evaluations.shutdownNow();
    }

    void onProposed(@Observes ConfigProposed event) {
        proposed.set(RuleFiles.load(event.config()));
    }

    synchronized void onApplied(@Observes ConfigApplied event) {
        List<RuleGroup> next = proposed.getAndSet(null);
        if (next == null) {
            next = RuleFiles.load(event.config());
        }
        GlobalConfig global = event.config().global();
        context = new TemplateContext(global.externalLabels(),
                global.externalUrl() == null ? "" : global.externalUrl().toString());
        Map<String, RuleGroup> previous = new HashMap<>();
        running.forEach(group -> {
            group.cancel();
            previous.put(group.key(), group.group());
        });
        Map<String, List<Alert>> stored = event.previous() == null ? store.loadAll() : Map.of();
        Set<String> ruleKeys = new HashSet<>();
        List<ScheduledGroup> scheduled = new ArrayList<>();
        for (RuleGroup group : next) {
            RuleGroup old = previous.get(ScheduledGroup.key(group));
            if (old != null) {
                RuleState.carryOver(old, group);
            }
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    String key = ruleKey(group, alerting);
                    ruleKeys.add(key);
                    // Unlike Prometheus, every pending and firing alert resumes after a restart, whatever its `for`.
                    alerting.tracker().restore(stored.getOrDefault(key, List.of()));
                }
            }
            scheduled.add(schedule(group));
        }
        store.retainRules(ruleKeys);
        running = List.copyOf(scheduled);
        metrics.groupsChanged(next);
        LOG.infof("Rules applied: %d groups, %d rules", next.size(), next.stream().mapToInt(g -> g.rules().size()).sum());
    }

    private ScheduledGroup schedule(RuleGroup group) {
        Instant now = clock.instant();
        Instant first = ProbeSchedule.firstRun(now, ScheduledGroup.key(group), group.interval());
        ScheduledGroup scheduled = new ScheduledGroup(group, RuleReads.metricsOf(group));
        ScheduledFuture<?> future = timer.scheduleAtFixedRate(() -> submit(scheduled),
                Duration.between(now, first).toMillis(), group.interval().toMillis(), TimeUnit.MILLISECONDS);
        scheduled.future(future);
        return scheduled;
    }

    /** A probe delivered samples: the groups that read one of its metrics evaluate now. */
    void onProbeRan(@Observes ProbeRan ran) {
        for (ScheduledGroup group : running) {
            if (group.reads(ran.result().samples())) {
                submit(group);
            }
        }
    }

    private void submit(ScheduledGroup group) {
        // At most one evaluation of a group waits at a time: a burst of samples costs one evaluation,
        // and evaluations start at least MIN_SPACING apart, so thousands of probe runs a second
        // cost a group ten evaluations a second rather than a core.
        if (group.claimPending()) {
            long wait = Math.max(0, group.lastStartNanos() + MIN_SPACING.toNanos() - System.nanoTime());
            timer.schedule(() -> evaluations.execute(() -> {
                group.releasePending();
                group.started(System.nanoTime());
                evaluate(group.group());
            }), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Evaluates one group now and publishes what changed. */
    public void evaluate(RuleGroup group) {
        long start = System.nanoTime();
        // Millisecond evaluation times, as Prometheus keeps them, and as storage gives them back.
        List<AlertTransitioned> transitions = group.evaluate(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                SeriesSource.of(history),
                RecordedSeries.into(history), context);
        metrics.evaluated(group, (System.nanoTime() - start) / 1e9);
        if (!transitions.isEmpty()) {
            persist(group);
        }
        transitions.forEach(published::fire);
    }

    private void persist(RuleGroup group) {
        try {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    store.replace(ruleKey(group, alerting), alerting.tracker().alerts());
                }
            }
        } catch (RuntimeException e) {
            // Evaluation goes on without storage; the state is written again at the next change.
            LOG.warnf("Could not store the alert state of group %s: %s", group.name(), e.getMessage());
        }
    }

    /** A rule's identity across restarts: file, group, name and its configured labels. */
    static String ruleKey(RuleGroup group, AlertingRule rule) {
        return ScheduledGroup.key(group) + ";" + rule.definition().name() + ";" + new TreeMap<>(rule.definition().labels());
    }

    /** The groups of the running configuration, in file order. */
    public List<RuleGroup> groups() {
        return running.stream().map(ScheduledGroup::group).toList();
    }
}
