package io.vigil.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vigil.config.ConfigApplied;
import io.vigil.config.ConfigException;
import io.vigil.config.ConfigProposed;
import io.vigil.config.IncidentsConfig;
import io.vigil.notify.ActiveRouting;
import io.vigil.notify.AlertsReceived;
import io.vigil.notify.IncidentLinks;
import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.NotificationService;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.silence.Silences;

/**
 * Glue between alerts, people and the store: alerts reach the {@link IncidentBook} as they enter the dispatcher, people
 * through the API, escalations and expired leases on a tick. One lock serialises them. Changes are stored by the
 * {@link IncidentWriter} behind them, so that alerts are not held up; a person's step is stored before it answers,
 * and reads wait for the changes before them, so a restart resumes where it was.
 */
@ApplicationScoped
public class IncidentService implements IncidentLinks {

    private static final Logger LOG = Logger.getLogger(IncidentService.class);
    /** How long a resolved incident stays where alerts and late notifications can still find it, at least. */
    private static final Duration KEEP_RESOLVED = Duration.ofHours(1);
    /** How long a person's step, or a read after one, waits for incident changes to be stored. */
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);
    /** How long Vigil's own firing alerts restored at start-up have to be resent before they count as resolved. */
    private static final Duration CONFIRM_RESTORED = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    IncidentStore store;

    @Inject
    ActiveRouting routing;

    @Inject
    NotificationService notifications;

    @Inject
    EscalationSender escalationSender;

    @Inject
    IncidentMetrics metrics;

    @Inject
    IncidentWriter writer;

    @Inject
    Silences silences;

    private final AtomicLong lastId = new AtomicLong();
    private IncidentBook book;
    private volatile IncidentsConfig settings = IncidentsConfig.DEFAULT;
    private volatile IncidentGrouping grouping;

    /** After the routing has read the same file (default priority): escalations must name its receivers. */
    void onProposed(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) ConfigProposed event) {
        AlertmanagerConfig routingConfig = notifications.proposedRouting().orElse(ActiveRouting.NONE);
        for (IncidentsConfig.Escalation escalation : event.config().incidents().escalations()) {
            if (routingConfig.receiver(escalation.receiver()).isEmpty()) {
                throw new ConfigException(escalation.file(), escalation.line(), "incidents.escalations: receiver \""
                        + escalation.receiver() + "\" is not defined in " + routingConfig.source());
            }
        }
    }

    /** Before notifications (APPLICATION + 1000) resend the alerts restored at start-up, which find their incidents. */
    synchronized void onApplied(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) ConfigApplied event) {
        settings = event.config().incidents();
        // The routing being applied with this configuration: ActiveRouting takes it only after this observer.
        AlertmanagerConfig applied = notifications.proposedRouting().orElseGet(routing::config);
        grouping = new IncidentGrouping(settings.groupBy(), applied.route());
        if (book == null) {
            load();
        }
    }

    /** Reads the book back from the store, at start-up. */
    private void load() {
        Instant now = clock.instant();
        lastId.set(store.lastId());
        IncidentBook loaded = new IncidentBook(lastId::incrementAndGet);
        loaded.restore(store.loadRecent(now.minus(keepResolved())), now.plus(CONFIRM_RESTORED));
        book = loaded;
        metrics.open(book.openCount());
    }

    /** Alerts entering the dispatcher, on its thread. */
    synchronized void onAlerts(@Observes AlertsReceived received) {
        if (book == null) {
            return;
        }
        Instant now = received.at();
        List<IncidentChange> changes = new ArrayList<>();
        for (NotifiableAlert alert : received.alerts()) {
            if (alert.resolvedAt(now)) {
                book.resolved(alert.fingerprint(), alert.endsAt()).ifPresent(changes::add);
            } else {
                IncidentAlert incidentAlert = new IncidentAlert(alert.fingerprint(), alert.labels(),
                        alert.annotations(), received.values().get(alert.fingerprint()), alert.startsAt(), null,
                        alert.endsAt());
                // The 30 s resend brings every firing alert again: those already in an incident skip the routing walk.
                IncidentGroup group = book.firingGroupOf(alert.fingerprint())
                        .orElseGet(() -> grouping.groupOf(alert.labels()));
                book.firing(group, incidentAlert, settings.reopenWithin(), now).ifPresent(changes::add);
            }
        }
        save(changes);
    }

    /** Escalations that came due and alerts whose lease ran out; tests call it after moving their clock. */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void tick() {
        if (book == null) {
            return;
        }
        Instant now = clock.instant();
        List<IncidentChange> changes = new ArrayList<>(book.expireLeases(now));
        // Queued before it is recorded: an escalation that could not be queued is not marked sent, and is retried.
        // The outbox asks this service for incident links on this same thread, which holds the lock already.
        for (IncidentBook.Escalated escalated : book.escalations(settings.escalations(), silences, now)) {
            if (escalationSender.send(escalated.change().incident(), escalated.firing(), escalated.escalation())) {
                changes.add(escalated.change());
            } else {
                escalated.withdraw();
            }
        }
        save(changes);
        book.forgetResolvedBefore(now.minus(keepResolved()));
    }

    public Incident acknowledge(long id, String by, String comment) {
        return stored(id, apply(id, incident -> book.acknowledge(incident, by, comment, clock.instant())));
    }

    public Incident resolve(long id, String by, String comment) {
        return stored(id, apply(id, incident -> book.resolve(incident, by, comment, clock.instant())));
    }

    public Incident comment(long id, String by, String text) {
        return stored(id, apply(id, incident -> book.comment(incident, by, text, clock.instant())));
    }

    /** The incident as it is now: from memory when alerts can still join it, else from the store. */
    public Optional<Incident> find(long id) {
        awaitWritten();
        Optional<Incident> known;
        synchronized (this) {
            known = book == null ? Optional.empty() : book.get(id).map(Incident::copy);
        }
        // Outside the lock: a slow database must not hold up alerts on their way to being paged.
        return known.isPresent() ? known : store.find(id);
    }

    public List<Incident> list(IncidentStatus status, int limit, int offset) {
        awaitWritten();
        return store.list(status, limit, offset);
    }

    @Override
    public synchronized List<Long> incidentsOf(List<NotifiableAlert> alerts) {
        Set<Long> ids = new LinkedHashSet<>();
        for (NotifiableAlert alert : alerts) {
            incidentOf(alert.fingerprint()).ifPresent(ids::add);
        }
        return List.copyOf(ids);
    }

    @Override
    public synchronized OptionalLong incidentOf(String fingerprint) {
        if (book == null) {
            return OptionalLong.empty();
        }
        return book.ofAlert(fingerprint).map(i -> OptionalLong.of(i.id())).orElseGet(OptionalLong::empty);
    }

    /** A person's step on an incident; answers a copy of the incident as it is afterwards. */
    private synchronized Incident apply(long id, Function<Incident, IncidentChange> step) {
        Optional<Incident> known = book == null ? Optional.empty() : book.get(id);
        Incident incident = known.or(() -> store.find(id))
                .orElseThrow(() -> new IncidentNotFoundException(id));
        IncidentChange change = step.apply(incident);
        save(List.of(change));
        return incident.copy();
    }

    /**
     * Answers only once the step is stored. Waits outside the lock: while the database is down, alerts must go on
     * reaching their incidents and notifications.
     */
    private Incident stored(long id, Incident incident) {
        if (!writer.awaitWritten(WRITE_WAIT)) {
            throw new IncidentNotStoredException(id);
        }
        return incident;
    }

    /** Waits for the changes made so far to be stored, so that what the store answers next includes them. */
    public void awaitWritten() {
        if (!writer.awaitWritten(WRITE_WAIT)) {
            LOG.warnf("Incident changes are not stored yet after %s; answering from what is", WRITE_WAIT);
        }
    }

    /** Before the datasource closes. */
    void stop(@Observes ShutdownEvent event) {
        writer.stop(WRITE_WAIT);
    }

    private void save(List<IncidentChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        writer.write(changes);
        for (IncidentChange change : changes) {
            change.entries().forEach(entry -> metrics.recorded(change.incident(), entry));
        }
        metrics.open(book.openCount());
        changes.stream().filter(c -> !c.entries().isEmpty()).forEach(c -> LOG.infof("Incident %d (%s): %s",
                c.incident().id(), c.incident().title(), String.join(", ", c.entries().stream()
                        .map(TimelineEntry::kind).toList())));
    }

    private Duration keepResolved() {
        Duration reopen = settings.reopenWithin();
        return reopen.compareTo(KEEP_RESOLVED) > 0 ? reopen : KEEP_RESOLVED;
    }
}
