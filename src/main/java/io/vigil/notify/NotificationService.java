package io.vigil.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
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

/**
 * Glue between the rule engine, the API, the Alertmanager configuration and the dispatcher. The dispatcher is pure
 * and single-threaded: it lives on one thread, which runs the commands others queue (alerts to put, a new
 * configuration, a failed notification to forget) in order, then its due flushes. Nobody who hands it an alert waits
 * for its database writes.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final Duration IDLE_WAIT = Duration.ofMinutes(1);

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
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    /** Touched only on the dispatcher thread. */
    private final RuleAlertFeed feed = new RuleAlertFeed();
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
        String externalUrl = global.externalUrl() == null ? "" : global.externalUrl().toString();
        routing.apply(config, externalUrl);
        metrics.configured(config);
        submit(() -> {
            feed.configure(global.externalLabels(), externalUrl);
            apply(config);
            resendRuleAlerts();
        });
        startLoop();
        LOG.infof("Notifications: routing from %s with %d receivers", config.source(), config.receivers().size());
    }

    /** A rule's alert started firing or resolved. */
    void onTransition(@Observes AlertTransitioned transition) {
        submit(() -> put(feed.transitioned(transition)));
    }

    /** Alerts posted to {@code /api/v2/alerts}: they take Alertmanager's route like Vigil's own. */
    public void ingest(List<NotifiableAlert> alerts) {
        submit(() -> put(alerts));
    }

    void onFailed(@Observes NotificationFailed failure) {
        submit(() -> {
            if (dispatcher != null && dispatcher.forgetNotification(failure.groupKey(), failure.receiver(),
                    failure.integrationKey(), failure.notifiedAt())) {
                LOG.infof("Notification of %s to %s %s failed (%s); it is decided again at the group's next flush",
                        failure.groupKey(), failure.receiver(), failure.integrationKey(), failure.error());
            }
        });
    }

    /** Every firing alert of the rule engine again, as Prometheus resends them; resolves those that are gone. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resend() {
        submit(this::resendRuleAlerts);
    }

    /** Whether the dispatcher thread is running, for readiness. */
    public boolean running() {
        return loop != null && loop.isAlive();
    }

    /** Before the datasource closes: the thread finishes what it is doing and stops. */
    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        commands.add(() -> { });
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void submit(Runnable command) {
        commands.add(command);
    }

    private synchronized void startLoop() {
        if (loop == null) {
            loop = Thread.ofPlatform().daemon().name("vigil-dispatcher").start(this::run);
        }
    }

    private void apply(AlertmanagerConfig config) {
        if (dispatcher != null) {
            dispatcher.replaceConfig(config);
            return;
        }
        Dispatcher created = new Dispatcher(config, silences, outbox, clock);
        try {
            created.restore(outbox.loadLog());
        } catch (RuntimeException e) {
            // Sending twice beats not sending: go on without the log rather than not at all.
            LOG.errorf(e, "The notification log could not be read; notifications already sent may be sent again");
        }
        worker.start();
        dispatcher = created;
    }

    private void resendRuleAlerts() {
        List<Alert> firing = new ArrayList<>();
        for (RuleGroup group : rules.groups()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    alerting.tracker().alerts().stream().filter(a -> a.state() == AlertState.FIRING)
                            .forEach(firing::add);
                }
            }
        }
        put(feed.resend(firing, clock.instant()));
    }

    private void put(List<NotifiableAlert> alerts) {
        if (dispatcher != null) {
            alerts.forEach(dispatcher::put);
        }
    }

    private void run() {
        long minimumWait = 0;
        while (!stopped) {
            try {
                long wait = dispatcher == null ? IDLE_WAIT.toMillis()
                        : dispatcher.nextDeadline().map(d -> Duration.between(clock.instant(), d).toMillis())
                                .orElse(IDLE_WAIT.toMillis());
                Runnable command = commands.poll(Math.max(minimumWait, wait), TimeUnit.MILLISECONDS);
                minimumWait = 0;
                while (command != null) {
                    command.run();
                    command = commands.poll();
                }
                if (dispatcher != null) {
                    Instant now = clock.instant();
                    dispatcher.runDue(now);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The flush is decided again at the next tick: the notification log only advances on commit. A
                // second's pause keeps a persistent failure (the database down) from spinning.
                LOG.errorf(e, "Dispatching notifications failed");
                minimumWait = 1000;
            }
        }
    }
}
