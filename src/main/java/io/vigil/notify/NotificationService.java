package io.vigil.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 * Glue between the rule engine, the API, the Alertmanager configuration and the dispatcher, which lives on a
 * {@link DispatcherThread}: everything here reaches it as a command run there, in order.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

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

    @Inject
    Event<AlertsReceived> received;

    private final AtomicReference<AlertmanagerConfig> proposed = new AtomicReference<>();
    /** Touched only on the dispatcher thread. */
    private final RuleAlertFeed feed = new RuleAlertFeed();
    private DispatcherThread thread;

    @PostConstruct
    void init() {
        thread = new DispatcherThread(clock);
    }

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
        thread.submit(() -> {
            feed.configure(global.externalLabels(), externalUrl);
            apply(config);
            resendRuleAlerts();
        });
        thread.start();
        LOG.infof("Notifications: routing from %s with %d receivers", config.source(), config.receivers().size());
    }

    /** The routing of the vigil.yaml being checked, once {@link #onProposed} has read it. */
    public Optional<AlertmanagerConfig> proposedRouting() {
        return Optional.ofNullable(proposed.get());
    }

    /** A rule's alert started firing or resolved. */
    void onTransition(@Observes AlertTransitioned transition) {
        thread.submit(() -> {
            List<NotifiableAlert> alerts = feed.transitioned(transition);
            put(alerts, alerts.isEmpty() ? Map.of() : Map.of(alerts.getFirst().fingerprint(), transition.value()));
        });
    }

    /** Alerts posted to {@code /api/v2/alerts}: they take Alertmanager's route like Vigil's own. */
    public void ingest(List<NotifiableAlert> alerts) {
        thread.submit(() -> put(alerts, Map.of()));
    }

    void onFailed(@Observes NotificationFailed failure) {
        thread.submit(() -> {
            Dispatcher dispatcher = thread.dispatcher();
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
        thread.submit(this::resendRuleAlerts);
    }

    /** Asks the dispatcher something on its thread; {@code none} before the first configuration is applied. */
    public <T> T inspect(Function<Dispatcher, T> question, T none) {
        return thread.inspect(question, none);
    }

    /** Whether the dispatcher thread is running, for readiness. */
    public boolean running() {
        return thread.running();
    }

    /** Before the datasource closes. */
    void stop(@Observes ShutdownEvent event) {
        thread.stop();
    }

    private void apply(AlertmanagerConfig config) {
        if (thread.dispatcher() != null) {
            thread.dispatcher().replaceConfig(config);
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
        thread.install(created);
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
        put(feed.resend(firing, clock.instant()), Map.of());
    }

    private void put(List<NotifiableAlert> alerts, Map<String, Double> values) {
        Dispatcher dispatcher = thread.dispatcher();
        if (dispatcher != null && !alerts.isEmpty()) {
            try {
                received.fire(new AlertsReceived(alerts, values, clock.instant()));
            } catch (RuntimeException e) {
                // Incidents are the record, notifications are the page: a broken record must not stop the page.
                LOG.errorf(e, "Incidents could not take %d alerts; they are notified all the same", alerts.size());
            }
            alerts.forEach(dispatcher::put);
        }
    }
}
