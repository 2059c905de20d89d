package io.vigil.notify.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationLogEntry;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.config.ReceiverConfig;
import io.vigil.notify.config.RouteConfig;
import io.vigil.notify.config.TimeIntervalConfig;
import io.vigil.notify.dispatch.AggregationGroup.Member;

/**
 * What a group's flush goes through, in Alertmanager's order: inhibition, active time intervals, mute time
 * intervals, silences, then for each integration of the receiver the dedup decision against the notification
 * log, the notification, and the log entry.
 */
final class FlushPipeline {

    private static final Logger LOG = Logger.getLogger(FlushPipeline.class);

    private final AlertmanagerConfig config;
    private final Inhibitor inhibitor;
    private final Silencer silencer;
    private final NotificationLog log;
    private final NotificationSink sink;

    FlushPipeline(AlertmanagerConfig config, Inhibitor inhibitor, Silencer silencer, NotificationLog log,
            NotificationSink sink) {
        this.config = config;
        this.inhibitor = inhibitor;
        this.silencer = silencer;
        this.log = log;
        this.sink = sink;
    }

    /**
     * Decides the group's flush at {@code now}: records what is held back, and answers the notifications due, for
     * the dispatcher to commit together with the rest of its pass.
     */
    List<Notification> flush(AggregationGroup group, List<Member> members, Instant now) {
        Map<Member, List<Reason>> held = new LinkedHashMap<>();
        List<Member> passed = new ArrayList<>(members.size());
        for (Member member : members) {
            List<Reason> reasons = inhibitor.inhibitedBy(member.tracked().labels, now);
            if (reasons.isEmpty()) {
                passed.add(member);
            } else {
                held.put(member, reasons);
            }
        }
        List<Reason> timeMuted = timeMuted(group.route.config, now);
        List<Member> shown = new ArrayList<>(passed.size());
        for (Member member : passed) {
            if (!timeMuted.isEmpty()) {
                held.put(member, timeMuted);
                continue;
            }
            List<String> silences = silencer.silencedBy(member.tracked().labels, now);
            if (silences.isEmpty()) {
                shown.add(member);
            } else {
                held.put(member, silences.stream()
                        .map(id -> new Reason(Suppression.Kind.SILENCED, id, id)).toList());
            }
        }
        recordSuppressions(group, held, now);
        return shown.isEmpty() ? List.of() : notifications(group, shown, now);
    }

    /**
     * Outside every active interval, or inside a mute interval, the whole group is held back. The active
     * intervals are named together, as being outside all of them is one reason.
     */
    private List<Reason> timeMuted(RouteConfig route, Instant now) {
        List<String> active = route.activeTimeIntervals();
        if (!active.isEmpty() && active.stream().noneMatch(name -> inInterval(name, now))) {
            String names = String.join(",", active);
            return List.of(new Reason(Suppression.Kind.MUTED, names, names));
        }
        return route.muteTimeIntervals().stream().filter(name -> inInterval(name, now))
                .map(name -> new Reason(Suppression.Kind.MUTED, name, name)).toList();
    }

    /** An interval the configuration does not define holds nothing (the parser rejects such a configuration). */
    private boolean inInterval(String name, Instant now) {
        TimeIntervalConfig interval = config.timeIntervals().get(name);
        return interval != null && interval.contains(now);
    }

    /** Tells the sink about reasons that did not apply at the previous flush; forgets those that ended. */
    private void recordSuppressions(AggregationGroup group, Map<Member, List<Reason>> held, Instant now) {
        Map<String, Map<String, Reason>> current = new HashMap<>();
        for (Map.Entry<Member, List<Reason>> entry : held.entrySet()) {
            TrackedAlert tracked = entry.getKey().tracked();
            Map<String, Reason> before = group.suppressed.getOrDefault(tracked.fingerprint(), Map.of());
            Map<String, Reason> recorded = new LinkedHashMap<>();
            for (Reason reason : entry.getValue()) {
                if (before.containsKey(reason.identity()) || record(group, tracked, reason, now)) {
                    recorded.put(reason.identity(), reason);
                }
            }
            current.put(tracked.fingerprint(), recorded);
        }
        group.suppressed = current;
    }

    /** A reason the sink failed to record is not remembered, so the next flush records it again. */
    private boolean record(AggregationGroup group, TrackedAlert tracked, Reason reason, Instant now) {
        try {
            sink.suppressed(new Suppression(group.groupKey, group.receiver(), tracked.labels,
                    tracked.fingerprint(), reason.kind(), reason.by(), now));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record that %s in group %s was %s", tracked.labels, group.groupKey,
                    reason.kind());
            return false;
        }
    }

    private List<Notification> notifications(AggregationGroup group, List<Member> passed, Instant now) {
        ReceiverConfig receiver = config.receivers().get(group.receiver());
        if (receiver == null) {
            LOG.errorf("Group %s routes to receiver %s, which is not configured", group.groupKey, group.receiver());
            return List.of();
        }
        Set<String> firing = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        List<NotifiableAlert> all = new ArrayList<>(passed.size());
        List<NotifiableAlert> firingOnly = new ArrayList<>(passed.size());
        for (Member member : passed) {
            NotifiableAlert alert = member.alert();
            if (alert.resolvedAt(now)) {
                resolved.add(member.tracked().fingerprint());
                all.add(alert);
            } else {
                firing.add(member.tracked().fingerprint());
                // A firing alert's end is not shown, as Alertmanager does: it has not happened yet.
                NotifiableAlert open = new NotifiableAlert(alert.labels(), alert.annotations(), alert.startsAt(),
                        null, alert.generatorUrl(), false);
                all.add(open);
                firingOnly.add(open);
            }
        }
        Duration repeat = group.route.config.repeatInterval();
        List<Notification> due = new ArrayList<>();
        for (IntegrationConfig integration : receiver.integrations()) {
            NotificationLog.Key key = new NotificationLog.Key(group.groupKey, receiver.name(), integration.key());
            String reason = Dedup.needsUpdate(log.get(key, now), firing, resolved, integration.sendResolved(),
                    repeat, now);
            if (reason == null) {
                continue;
            }
            // Without send_resolved only firing alerts are shown; an all-resolved notification then carries no
            // alerts and only records the resolution in the log (Alertmanager's retry stage skips the send).
            List<NotifiableAlert> shown = integration.sendResolved() ? all : firingOnly;
            NotificationLogEntry entry = new NotificationLogEntry(group.groupKey, receiver.name(), integration.key(),
                    firing, resolved, now, now.plus(repeat.multipliedBy(2)));
            due.add(new Notification(group.groupKey, receiver.name(), integration, group.groupLabels.toMap(), shown,
                    reason, now, entry));
        }
        return due;
    }
}
