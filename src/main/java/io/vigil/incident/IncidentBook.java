package io.vigil.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.vigil.config.IncidentsConfig;
import io.vigil.notify.dispatch.Silencer;

/**
 * The incidents that alerts can still join or reopen, and the rules of their lifecycle: open on the first firing
 * alert of a group, join later ones, reopen within {@code reopen_within}, resolve when the last alert resolves,
 * escalate while unacknowledged. Pure and not thread-safe: the caller serialises access and stores the changes.
 */
final class IncidentBook {

    private final LongSupplier ids;
    /** The latest incident of each group. */
    private final Map<String, Incident> byKey = new HashMap<>();
    /** The incident each alert last joined: where its resolution and its notifications belong. */
    private final Map<String, Incident> byFingerprint = new HashMap<>();
    private final Map<Long, Incident> byId = new LinkedHashMap<>();

    IncidentBook(LongSupplier ids) {
        this.ids = ids;
    }

    /**
     * Takes back stored incidents. Their firing alerts that had no lease (Vigil's own) get one until
     * {@code confirmBy}: the rule engine resends what still fires at start-up, and an alert whose rule went away while
     * Vigil was down is never resent, so it resolves then instead of keeping its incident open for ever.
     */
    void restore(Collection<Incident> incidents, Instant confirmBy) {
        incidents.stream().sorted(Comparator.comparing(Incident::openedAt)).forEach(incident -> {
            incident.alerts().stream().filter(a -> a.firing() && a.leaseEndsAt() == null)
                    .forEach(a -> incident.put(a.leasedUntil(confirmBy, a.annotations())));
            index(incident);
        });
    }

    Optional<Incident> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Incident> ofAlert(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The group of the incident an alert is firing in; empty when it fires in none (it is new, or resolved). */
    Optional<IncidentGroup> firingGroupOf(String fingerprint) {
        Incident incident = byFingerprint.get(fingerprint);
        IncidentAlert known = incident == null ? null : incident.alert(fingerprint);
        return known != null && known.firing()
                ? Optional.of(new IncidentGroup(incident.key(), incident.groupLabels())) : Optional.empty();
    }

    long openCount() {
        return byId.values().stream().filter(Incident::open).count();
    }

    /**
     * An alert is firing: it joins its group's open incident, reopens one resolved within {@code reopenWithin}, or
     * opens a new one. An alert already firing in its incident is the same alert, as Alertmanager merges them (a
     * sender that leaves out startsAt gives a new one each time): only its lease and annotations are brought up to
     * date, and only a new lease is a change worth storing.
     */
    Optional<IncidentChange> firing(IncidentGroup group, IncidentAlert alert, Duration reopenWithin, Instant now) {
        Incident current = byFingerprint.get(alert.fingerprint());
        IncidentAlert known = current == null ? null : current.alert(alert.fingerprint());
        if (known != null && known.firing()) {
            current.put(known.leasedUntil(alert.leaseEndsAt(), alert.annotations()));
            return Objects.equals(known.leaseEndsAt(), alert.leaseEndsAt()) ? Optional.empty()
                    : Optional.of(new IncidentChange(current, List.of()));
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Incident incident = byKey.get(group.key());
        Instant firedAt = alert.firedAt().isAfter(now) ? now : alert.firedAt();
        if (incident == null || !incident.open() && !reopens(incident, reopenWithin, now)) {
            // Opened now, whatever the alert's start: escalations and response times count from when Vigil knew.
            incident = new Incident(ids.getAsLong(), group.key(), title(alert, group), group.groupLabels(), now);
            index(incident);
        } else if (!incident.open()) {
            long resolvedFor = Duration.between(incident.resolvedAt(), now).toSeconds();
            incident.reopen(now);
            entries.add(new TimelineEntry(now, TimelineEntry.REOPENED, TimelineEntry.SYSTEM,
                    Map.of("alertname", alert.alertname(), "resolvedFor", resolvedFor)));
        }
        incident.put(alert);
        byFingerprint.put(alert.fingerprint(), incident);
        entries.add(alertEntry(TimelineEntry.ALERT_FIRED, firedAt, alert));
        return Optional.of(new IncidentChange(incident, entries));
    }

    /** An alert resolved at {@code at}; the incident resolves with its last firing alert. */
    Optional<IncidentChange> resolved(String fingerprint, Instant at) {
        Incident incident = byFingerprint.get(fingerprint);
        IncidentAlert known = incident == null ? null : incident.alert(fingerprint);
        if (known == null || !known.firing()) {
            return Optional.empty();
        }
        incident.put(known.resolved(at));
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(alertEntry(TimelineEntry.ALERT_RESOLVED, at, incident.alert(fingerprint)));
        if (incident.open() && !incident.anyFiring()) {
            incident.resolve(at, TimelineEntry.SYSTEM);
            entries.add(new TimelineEntry(at, TimelineEntry.RESOLVED, TimelineEntry.SYSTEM,
                    Map.of("reason", "all alerts resolved")));
        }
        return Optional.of(new IncidentChange(incident, entries));
    }

    /** Firing alerts posted to the API whose lease ran out before they were posted again. */
    List<IncidentChange> expireLeases(Instant now) {
        List<IncidentAlert> expired = new ArrayList<>();
        for (Incident incident : byId.values()) {
            incident.alerts().stream().filter(a -> a.firing() && a.leaseEndsAt() != null
                    && !a.leaseEndsAt().isAfter(now) && byFingerprint.get(a.fingerprint()) == incident)
                    .forEach(expired::add);
        }
        // In the order they ended: an incident resolves when its last alert did, and its timeline stays in order.
        expired.sort(Comparator.comparing(IncidentAlert::leaseEndsAt));
        List<IncidentChange> changes = new ArrayList<>();
        expired.forEach(alert -> resolved(alert.fingerprint(), alert.leaseEndsAt()).ifPresent(changes::add));
        return changes;
    }

    IncidentChange acknowledge(Incident incident, String by, String comment, Instant now) {
        switch (incident.status()) {
            case ACKNOWLEDGED -> throw new IncidentConflictException("incident " + incident.id()
                    + " is already acknowledged by " + incident.acknowledgedBy());
            case RESOLVED -> throw new IncidentConflictException("incident " + incident.id() + " is resolved");
            default -> incident.acknowledge(now, by);
        }
        return new IncidentChange(incident, List.of(new TimelineEntry(now, TimelineEntry.ACKNOWLEDGED,
                TimelineEntry.user(by), comment == null ? Map.of() : Map.of("comment", comment))));
    }

    IncidentChange resolve(Incident incident, String by, String comment, Instant now) {
        if (!incident.open()) {
            throw new IncidentConflictException("incident " + incident.id() + " is already resolved");
        }
        incident.resolve(now, by);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("comment", comment);
        long stillFiring = incident.alerts().stream().filter(IncidentAlert::firing).count();
        detail.put("alertsStillFiring", stillFiring == 0 ? null : stillFiring);
        return new IncidentChange(incident, List.of(new TimelineEntry(now, TimelineEntry.RESOLVED,
                TimelineEntry.user(by), detail)));
    }

    IncidentChange comment(Incident incident, String by, String text, Instant now) {
        return new IncidentChange(incident, List.of(new TimelineEntry(now, TimelineEntry.COMMENTED,
                TimelineEntry.user(by), Map.of("text", text))));
    }

    /** An escalation that came due: the change records it, the caller sends it. */
    record Escalated(IncidentChange change, IncidentsConfig.Escalation escalation, List<IncidentAlert> firing) {

        /** Sending failed: the escalation is due again at the next look, and its timeline entry is not kept. */
        void withdraw() {
            change.incident().escalationWithdrawn(escalation.key());
        }
    }

    /**
     * The escalations due at {@code now}: each at most once per triggering, for incidents still unacknowledged
     * {@code after} they were triggered and with a firing alert that its matchers select and no silence mutes (a
     * maintenance silence must not page anyone through an escalation either).
     */
    List<Escalated> escalations(List<IncidentsConfig.Escalation> escalations, Silencer silences, Instant now) {
        List<Escalated> due = new ArrayList<>();
        for (Incident incident : byId.values()) {
            if (incident.status() != IncidentStatus.TRIGGERED) {
                continue;
            }
            for (IncidentsConfig.Escalation escalation : escalations) {
                if (incident.escalationsSent().contains(escalation.key())
                        || now.isBefore(incident.triggeredAt().plus(escalation.after()))
                        || incident.alerts().stream().noneMatch(a -> a.firing() && matches(escalation, a)
                                && silences.silencedBy(a.labels(), now).isEmpty())) {
                    continue;
                }
                incident.escalated(escalation.key());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("receiver", escalation.receiver());
                detail.put("unacknowledgedFor", Duration.between(incident.triggeredAt(), now).toSeconds());
                detail.put("after", escalation.after().toSeconds());
                due.add(new Escalated(new IncidentChange(incident, List.of(new TimelineEntry(now,
                        TimelineEntry.ESCALATED, TimelineEntry.SYSTEM, detail))), escalation,
                        incident.alerts().stream().filter(IncidentAlert::firing).toList()));
            }
        }
        return due;
    }

    /**
     * Forgets resolved incidents that nothing can reopen or join any more; they stay in the store. One resolved by
     * hand while alerts still fire is kept until they resolve, or they would open a new incident.
     */
    void forgetResolvedBefore(Instant cutoff) {
        byId.values().removeIf(incident -> {
            boolean forget = !incident.open() && incident.resolvedAt().isBefore(cutoff) && !incident.anyFiring();
            if (forget) {
                byKey.remove(incident.key(), incident);
                byFingerprint.values().removeIf(i -> i == incident);
            }
            return forget;
        });
    }

    private void index(Incident incident) {
        byId.put(incident.id(), incident);
        byKey.put(incident.key(), incident);
        incident.alerts().forEach(a -> byFingerprint.put(a.fingerprint(), incident));
    }

    private static boolean reopens(Incident incident, Duration reopenWithin, Instant now) {
        return !reopenWithin.isZero() && !now.isAfter(incident.resolvedAt().plus(reopenWithin));
    }

    private static boolean matches(IncidentsConfig.Escalation escalation, IncidentAlert alert) {
        return escalation.matchers().stream().allMatch(m -> m.matches(alert.labels()));
    }

    private static TimelineEntry alertEntry(String kind, Instant at, IncidentAlert alert) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alertname", alert.alertname());
        detail.put("fingerprint", alert.fingerprint());
        detail.put("value", kind.equals(TimelineEntry.ALERT_FIRED) ? alert.value() : null);
        detail.put("labels", alert.labels().toMap());
        detail.put("summary", alert.annotations().get("summary"));
        return new TimelineEntry(at, kind, TimelineEntry.rule(alert.alertname()), detail);
    }

    private static String title(IncidentAlert alert, IncidentGroup group) {
        String summary = alert.annotations().get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        String values = String.join(" ", group.groupLabels().entrySet().stream()
                .filter(label -> !label.getKey().equals("alertname")).map(Map.Entry::getValue).toList());
        String name = alert.alertname().isEmpty() ? "Alert" : alert.alertname();
        return values.isEmpty() ? name : name + " " + values;
    }
}
