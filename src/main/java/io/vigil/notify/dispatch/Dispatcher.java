package io.vigil.notify.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationLogEntry;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.dispatch.AggregationGroup.Member;

/**
 * Alertmanager's dispatcher without threads: alerts are routed into aggregation groups as they are put, and a
 * caller-driven clock flushes the groups whose timers are due through the notification pipeline. Whoever drives
 * it asks {@link #nextDeadline()}, waits until then (or until a new alert), and calls {@link #runDue(Instant)}.
 *
 * <p>Timers follow {@code dispatch/dispatch.go}: a new group flushes {@code group_wait} after its first alert,
 * at once if an alert's start plus {@code group_wait} has already passed before the group's first flush, and
 * every {@code group_interval} after each flush, counted from the flush.
 *
 * <p>Not thread-safe: the caller serializes every call. The sink may post alerts from within a notification
 * (an alert posted again during a flush is not removed by it as resolved); it must call nothing else.
 */
public final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** Alertmanager's alert store drops resolved alerts every 30 minutes; the notification log is cleaned too. */
    static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(30);

    private static final Comparator<AggregationGroup> DEADLINE_ORDER = Comparator
            .comparing((AggregationGroup group) -> group.nextFlush).thenComparingLong(group -> group.sequence);

    private record GroupIdentity(String groupKey, String receiver) {
    }

    private final Clock clock;
    private final Silencer silencer;
    private final NotificationSink sink;
    private final AlertStore store = new AlertStore();
    private final NotificationLog log = new NotificationLog();
    private final TreeSet<AggregationGroup> deadlines = new TreeSet<>(DEADLINE_ORDER);
    /** Reused by every put: routing allocates nothing for it. */
    private final List<RouteNode> matched = new ArrayList<>();
    private RouteNode root;
    private Inhibitor inhibitor;
    private FlushPipeline pipeline;
    private long sequence;
    private Instant nextMaintenance;

    public Dispatcher(AlertmanagerConfig config, Silencer silencer, NotificationSink sink, Clock clock) {
        this.clock = clock;
        this.silencer = silencer;
        this.sink = sink;
        this.nextMaintenance = clock.instant().plus(MAINTENANCE_INTERVAL);
        install(config);
    }

    /** Loads the persisted notification log at start-up, so alerts posted again are not notified again. */
    public void restore(Collection<NotificationLogEntry> entries) {
        log.restore(entries);
    }

    /** Takes a posted alert: merges it with the one held of the same labels, and routes it into its groups. */
    /**
     * A notification committed at {@code at} was never delivered (a permanent failure, or given up): its log entry is
     * dropped, unless a later notification replaced it, so that the next flush decides again (Alertmanager logs only
     * what was delivered). Without this the group would stay quiet until the repeat interval.
     */
    public boolean forgetNotification(String groupKey, String receiver, String integrationKey, Instant at) {
        return log.forget(new NotificationLog.Key(groupKey, receiver, integrationKey), at);
    }

    public void put(NotifiableAlert alert) {
        Instant now = clock.instant();
        AlertStore.Put put = store.put(alert, now);
        if (put.created()) {
            inhibitor.add(put.tracked());
        }
        route(put.tracked(), now, Map.of());
    }

    /** The earliest instant at which a group's timer or the periodic clean-up is due; empty when idle. */
    public Optional<Instant> nextDeadline() {
        Instant next = deadlines.isEmpty() ? null : deadlines.first().nextFlush;
        if ((store.size() > 0 || !log.isEmpty()) && (next == null || nextMaintenance.isBefore(next))) {
            next = nextMaintenance;
        }
        return Optional.ofNullable(next);
    }

    /** A group flushed in a pass, with the notifications it is due. */
    private record Flushed(AggregationGroup group, List<Member> members, List<Notification> due) {
    }

    /**
     * Flushes every group whose timer is due at {@code now}, earliest first, then cleans up if that is due. The
     * notifications of the whole pass go to the sink at once, so that a burst costs one commit, not one each.
     */
    public void runDue(Instant now) {
        List<Flushed> pass = new ArrayList<>();
        while (!deadlines.isEmpty() && !deadlines.first().nextFlush.isAfter(now)) {
            AggregationGroup group = deadlines.pollFirst();
            // As Alertmanager, the next tick is set before the flush, from the moment of the flush.
            group.nextFlush = now.plus(positive(group.route.config.groupInterval()));
            group.hasFlushed = true;
            deadlines.add(group);
            List<Member> members = group.snapshot();
            pass.add(new Flushed(group, members, members.isEmpty() ? List.of() : pipeline.flush(group, members, now)));
        }
        Set<Notification> committed = commit(pass);
        for (Flushed flushed : pass) {
            // A group whose notification was not committed keeps its resolved alerts, to be notified next time
            // (Alertmanager keeps them on a failed notify); its log is unchanged, so the next flush decides again.
            if (committed.containsAll(flushed.due())) {
                completeFlush(flushed.group(), flushed.members(), now);
            }
        }
        if (!now.isBefore(nextMaintenance)) {
            store.collectGarbage(now).forEach(inhibitor::remove);
            log.collectGarbage(now);
            nextMaintenance = now.plus(MAINTENANCE_INTERVAL);
        }
    }

    /**
     * Applies a reloaded configuration. Every held alert is routed again into the new tree, except resolved
     * ones no group holds any more (already notified, or never worth notifying). A new group whose group key
     * and receiver a current group had takes over that group's timer, first-flush state and recorded
     * suppressions, so a reload neither delays nor hastens it; other new groups start with group_wait, or at
     * once for alerts older than that, as in Alertmanager. The notification log is kept whole, so a group that
     * comes back under the same key is deduplicated against what was sent before.
     */
    public void replaceConfig(AlertmanagerConfig config) {
        Instant now = clock.instant();
        Map<GroupIdentity, AggregationGroup> previous = new HashMap<>();
        for (AggregationGroup group : deadlines) {
            previous.putIfAbsent(new GroupIdentity(group.groupKey, group.receiver()), group);
        }
        List<TrackedAlert> reroute = store.all().stream()
                .filter(tracked -> !tracked.groups.isEmpty() || !tracked.alert.resolvedAt(now)).toList();
        deadlines.forEach(AggregationGroup::clear);
        deadlines.clear();
        install(config);
        for (TrackedAlert tracked : reroute) {
            route(tracked, now, previous);
        }
    }

    /** The held alerts, in the order they first came. */
    public List<AlertView> alerts() {
        return AlertViews.of(store.all());
    }

    /** The aggregation groups, by group key and receiver. */
    public List<GroupView> groups() {
        return deadlines.stream()
                .sorted(Comparator.comparing((AggregationGroup group) -> group.groupKey)
                        .thenComparing(AggregationGroup::receiver))
                .map(group -> new GroupView(group.groupKey, group.receiver(), group.groupLabels,
                        group.snapshot().stream().map(Member::alert).toList(), group.nextFlush))
                .toList();
    }

    /** The notification log entries not expired yet. */
    public List<NotificationLogEntry> notificationLog() {
        return log.entries(clock.instant());
    }

    private void install(AlertmanagerConfig config) {
        this.root = new RouteNode(config.route(), null);
        this.inhibitor = new Inhibitor(config.inhibitRules(), store.all());
        this.pipeline = new FlushPipeline(config, inhibitor, silencer, log, sink);
    }

    private void route(TrackedAlert tracked, Instant now, Map<GroupIdentity, AggregationGroup> previous) {
        matched.clear();
        root.match(tracked.labels, matched);
        for (RouteNode route : matched) {
            Object id = route.groupId(tracked.labels);
            AggregationGroup group = route.groups.get(id);
            if (group == null) {
                group = createGroup(route, id, tracked, now, previous);
            }
            group.insert(tracked);
            Duration groupWait = route.config.groupWait();
            if (!group.hasFlushed && tracked.alert.startsAt().plus(groupWait).isBefore(now)
                    && group.nextFlush.isAfter(now)) {
                reschedule(group, now);
            }
        }
    }

    private AggregationGroup createGroup(RouteNode route, Object id, TrackedAlert first, Instant now,
            Map<GroupIdentity, AggregationGroup> previous) {
        AggregationGroup group = new AggregationGroup(sequence++, route, id, route.groupLabels(first.labels),
                now.plus(route.config.groupWait()));
        AggregationGroup before = previous.isEmpty() ? null
                : previous.remove(new GroupIdentity(group.groupKey, group.receiver()));
        if (before != null) {
            group.nextFlush = before.nextFlush;
            group.hasFlushed = before.hasFlushed;
            group.suppressed = before.suppressed;
        }
        route.groups.put(id, group);
        deadlines.add(group);
        return group;
    }

    private void reschedule(AggregationGroup group, Instant next) {
        deadlines.remove(group);
        group.nextFlush = next;
        deadlines.add(group);
    }

    private Set<Notification> commit(List<Flushed> pass) {
        List<Notification> due = pass.stream().flatMap(flushed -> flushed.due().stream()).toList();
        if (due.isEmpty()) {
            return Set.of();
        }
        Set<Notification> committed = Collections.newSetFromMap(new IdentityHashMap<>());
        committed.addAll(sink.notifyAll(due));
        for (Notification notification : due) {
            if (committed.contains(notification)) {
                log.put(notification.logEntry());
            } else {
                LOG.warnf("Notification of group %s to %s/%s was not committed; the next flush decides again",
                        notification.groupKey(), notification.receiver(), notification.integration().key());
            }
        }
        return committed;
    }

    private void completeFlush(AggregationGroup group, List<Member> members, Instant now) {
        group.deleteResolved(members.stream().filter(member -> member.alert().resolvedAt(now)).toList());
        if (group.isEmpty()) {
            deadlines.remove(group);
            group.route.groups.remove(group.id);
        }
    }

    /** A zero interval would flush in a loop; the configuration parser rejects it, as Alertmanager does. */
    private static Duration positive(Duration interval) {
        return interval.isPositive() ? interval : Duration.ofMillis(1);
    }
}
