package io.vigil.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.alert.AlertTransitioned;
import io.vigil.config.ActiveConfig;
import io.vigil.config.ConfigApplied;
import io.vigil.config.ConfigProposed;
import io.vigil.config.GlobalConfig;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.dispatch.Dispatcher;
import io.vigil.notify.outbox.DeliveryWorker;
import io.vigil.notify.outbox.NotificationMetrics;
import io.vigil.notify.outbox.Outbox;
import io.vigil.notify.silence.Silences;
import io.vigil.rule.AlertingRule;
import io.vigil.rule.Rule;
import io.vigil.rule.RuleGroup;
import io.vigil.rule.RuleManager;
import io.vigil.sample.Labels;

/**
 * Glue between the rule engine, the Alertmanager configuration and the dispatcher. The dispatcher is pure and not
 * thread-safe: every call to it holds {@link #lock}, and one thread runs its timers.
 *
 * <p>Vigil's own alerts reach the dispatcher as Prometheus would send them: when they start firing and when they
 * resolve (from {@link AlertTransitioned}), and again every {@link #RESEND_EVERY}, which refreshes their annotations
 * and resolves alerts whose rule was removed by a reload.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    static final Duration RESEND_EVERY = Duration.ofSeconds(30);

    @Inject
    Clock clock;

    @Inject
    ActiveRouting routing;

    @Inject
    Silences silences;

    @Inject
    Outbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    RuleManager rules;

    @Inject
    ActiveConfig activeConfig;

    @Inject
    NotificationMetrics metrics;

    private final AtomicReference<AlertmanagerConfig> proposed = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Vigil's own firing alerts as last handed to the dispatcher, by fingerprint. */
    private final Map<String, NotifiableAlert> ruleAlerts = new HashMap<>();
    private volatile Map<String, String> externalLabels = Map.of();
    private Dispatcher dispatcher;
    private Thread loop;
    private volatile boolean stopped;

    void onProposed(@Observes ConfigProposed event) {
        proposed.set(AlertmanagerConfigFile.load(event.config(), activeConfig.substitution()));
    }

    /**
     * After the rule engine (default observer priority, APPLICATION + 500) has applied the same configuration, so
     * that the alerts it restored at start-up are there to send.
     */
    void onApplied(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ConfigApplied event) {
        AlertmanagerConfig config = Optional.ofNullable(proposed.getAndSet(null))
                .orElseGet(() -> AlertmanagerConfigFile.load(event.config(), activeConfig.substitution()));
        GlobalConfig global = event.config().global();
        externalLabels = global.externalLabels();
        routing.apply(config, global.externalUrl() == null ? "" : global.externalUrl().toString());
        metrics.configured(config);
        lock.lock();
        try {
            if (dispatcher == null) {
                dispatcher = new Dispatcher(config, silences, outbox, clock);
                dispatcher.restore(outbox.loadLog());
                worker.start();
                loop = Thread.ofPlatform().daemon().name("vigil-dispatcher").start(this::run);
            } else {
                dispatcher.replaceConfig(config);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        resend();
        LOG.infof("Notifications: routing from %s with %d receivers", config.source(), config.receivers().size());
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (loop != null) {
            loop.interrupt();
        }
    }

    /** A rule's alert started firing or resolved. */
    void onTransition(@Observes AlertTransitioned transition) {
        if (transition.to() == AlertState.FIRING) {
            put(List.of(firing(transition.labels(), transition.annotations(), transition.firedAt())), true);
        } else if (transition.from() == AlertState.FIRING) {
            Labels labels = withExternalLabels(transition.labels());
            put(List.of(new NotifiableAlert(labels, transition.annotations(), transition.firedAt(), transition.at(),
                    generatorUrl(), false)), true);
        }
    }

    /** Alerts posted to {@code /api/v2/alerts}: they take Alertmanager's route like Vigil's own. */
    public void ingest(List<NotifiableAlert> alerts) {
        put(alerts, false);
    }

    /** Sends every firing alert of the rule engine again, and resolves those that are gone. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resend() {
        if (dispatcher == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, NotifiableAlert> current = new HashMap<>();
        for (RuleGroup group : rules.groups()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    for (Alert alert : alerting.tracker().alerts()) {
                        if (alert.state() == AlertState.FIRING) {
                            NotifiableAlert notifiable = firing(alert.labels(), alert.annotations(), alert.firedAt());
                            current.put(notifiable.fingerprint(), notifiable);
                        }
                    }
                }
            }
        }
        List<NotifiableAlert> batch = new java.util.ArrayList<>(current.values());
        lock.lock();
        try {
            Set<String> gone = new HashSet<>(ruleAlerts.keySet());
            gone.removeAll(current.keySet());
            for (String fingerprint : gone) {
                NotifiableAlert last = ruleAlerts.get(fingerprint);
                batch.add(new NotifiableAlert(last.labels(), last.annotations(), last.startsAt(), now,
                        last.generatorUrl(), false));
            }
        } finally {
            lock.unlock();
        }
        put(batch, true);
    }

    private void put(List<NotifiableAlert> alerts, boolean fromRules) {
        lock.lock();
        try {
            if (dispatcher == null) {
                return;
            }
            for (NotifiableAlert alert : alerts) {
                dispatcher.put(alert);
                if (fromRules) {
                    if (alert.endsAt() == null) {
                        ruleAlerts.put(alert.fingerprint(), alert);
                    } else {
                        ruleAlerts.remove(alert.fingerprint());
                    }
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!stopped) {
                Instant now = clock.instant();
                try {
                    dispatcher.runDue(now);
                } catch (RuntimeException e) {
                    // The flush is decided again at the next tick; the notification log was not advanced.
                    LOG.errorf(e, "Dispatching notifications failed");
                }
                long wait = dispatcher.nextDeadline().map(d -> Duration.between(clock.instant(), d).toMillis())
                        .orElse(Duration.ofMinutes(1).toMillis());
                changed.await(Math.max(1, wait), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private NotifiableAlert firing(Labels labels, Map<String, String> annotations, Instant firedAt) {
        return new NotifiableAlert(withExternalLabels(labels), annotations, firedAt, null, generatorUrl(), false);
    }

    /** Prometheus adds its external labels to the alerts it sends, except where an alert has the label already. */
    private Labels withExternalLabels(Labels labels) {
        Labels out = labels;
        for (Map.Entry<String, String> label : externalLabels.entrySet()) {
            if (labels.get(label.getKey()) == null) {
                out = out.with(label.getKey(), label.getValue());
            }
        }
        return out;
    }

    private String generatorUrl() {
        String base = routing.externalUrl();
        return base.isEmpty() ? "" : base.replaceFirst("/+$", "") + "/api/v1/alerts";
    }
}
