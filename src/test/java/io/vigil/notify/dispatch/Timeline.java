package io.vigil.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationLogEntry;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.sample.Labels;

/**
 * A scenario on a virtual clock: {@code at("5m")} moves time forward, running every dispatcher deadline on the
 * way at its exact instant; {@code fire}, {@code resolve} post alerts by a short name; {@code expect} asserts
 * that the notifications sent since the last expectation are exactly the given ones, all sent now.
 */
final class Timeline {

    /** A Friday, noon UTC. */
    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    final VirtualClock clock;
    final RecordingSink sink = new RecordingSink();
    final TestSilencer silencer = new TestSilencer();
    final Dispatcher dispatcher;
    private final Instant start;
    private final Map<String, NotifiableAlert> posted = new HashMap<>();
    private final Map<Labels, String> names = new HashMap<>();
    private int seenNotifications;
    private int seenSuppressions;

    Timeline(AlertmanagerConfig config) {
        this(config, T0, List.of());
    }

    Timeline(AlertmanagerConfig config, Instant start, Collection<NotificationLogEntry> restored) {
        this.start = start;
        this.clock = new VirtualClock(start);
        this.dispatcher = new Dispatcher(config, silencer, sink, clock);
        dispatcher.restore(restored);
    }

    Timeline at(String offset) {
        Instant target = start.plus(Configs.duration(offset));
        assertThat(target).as("time only moves forward").isAfterOrEqualTo(clock.instant());
        runDueUntil(target);
        clock.set(target);
        return this;
    }

    /** Posts a firing alert that started now. */
    Timeline fire(String name, String... labels) {
        return fireSince(name, now(), labels);
    }

    /** Posts a firing alert that started at {@code offset} from the timeline's start (negative: before it). */
    Timeline fireSince(String name, String offset, String... labels) {
        return fireSince(name, start.plus(Configs.duration(offset)), labels);
    }

    private Timeline fireSince(String name, Instant startsAt, String... labels) {
        return post(name, new NotifiableAlert(Labels.of(labels), Map.of("summary", name), startsAt, null, "", false));
    }

    /** Posts the named alert again as it was first posted, as Prometheus re-sends a firing alert. */
    Timeline refire(String name) {
        return post(name, posted.get(name));
    }

    /** Posts the named alert as resolved now. */
    Timeline resolve(String name) {
        NotifiableAlert alert = posted.get(name);
        return post(name, new NotifiableAlert(alert.labels(), alert.annotations(), alert.startsAt(), now(),
                alert.generatorUrl(), false));
    }

    Timeline post(String name, NotifiableAlert alert) {
        posted.putIfAbsent(name, alert);
        names.put(alert.labels(), name);
        dispatcher.put(alert);
        return this;
    }

    Timeline reload(AlertmanagerConfig config) {
        dispatcher.replaceConfig(config);
        return this;
    }

    Timeline silence(String id, String... labels) {
        silencer.add(id, Labels.of(labels));
        return this;
    }

    Timeline expireSilence(String id) {
        silencer.expire(id);
        return this;
    }

    /** The notifications sent since the last expectation are exactly these, each sent at this moment. */
    Timeline expect(Sent... expected) {
        runDueUntil(now());
        List<Notification> fresh = sink.notifications.subList(seenNotifications, sink.notifications.size());
        List<String> actual = fresh.stream().map(this::describe).toList();
        seenNotifications = sink.notifications.size();
        String when = offset(now());
        assertThat(actual).containsExactly(Arrays.stream(expected).map(s -> s.describe(when))
                .toArray(String[]::new));
        return this;
    }

    Timeline expectNothing() {
        return expect();
    }

    /** The suppressions recorded since the last check are exactly these ("name KIND by"), recorded now. */
    Timeline expectSuppressions(String... expected) {
        runDueUntil(now());
        List<String> actual = sink.suppressions.subList(seenSuppressions, sink.suppressions.size()).stream()
                .map(s -> offset(s.at()) + " " + names.get(s.labels()) + " " + s.kind() + " " + s.by())
                .toList();
        seenSuppressions = sink.suppressions.size();
        String when = offset(now());
        assertThat(actual).containsExactly(Arrays.stream(expected).map(e -> when + " " + e)
                .toArray(String[]::new));
        return this;
    }

    /** Every notification sent so far, for assertions on what {@link #expect} does not compare. */
    List<Notification> sent() {
        return List.copyOf(sink.notifications);
    }

    Notification last() {
        return sink.notifications.get(sink.notifications.size() - 1);
    }

    String fingerprint(String name) {
        return posted.get(name).fingerprint();
    }

    Instant now() {
        return clock.instant();
    }

    Instant time(String offset) {
        return start.plus(Configs.duration(offset));
    }

    /** Runs each deadline at its own instant, as a scheduler would; a past deadline runs at the present. */
    private void runDueUntil(Instant target) {
        for (Optional<Instant> next = dispatcher.nextDeadline(); next.isPresent() && !next.get().isAfter(target);
                next = dispatcher.nextDeadline()) {
            Instant when = next.get().isBefore(clock.instant()) ? clock.instant() : next.get();
            clock.set(when);
            dispatcher.runDue(when);
        }
    }

    private String describe(Notification n) {
        List<String> alerts = new ArrayList<>();
        for (NotifiableAlert alert : n.alerts()) {
            alerts.add(names.get(alert.labels()) + (alert.resolvedAt(n.at()) ? " resolved" : ""));
        }
        return offset(n.at()) + " " + n.receiver() + " " + n.integration().key() + " " + n.reason() + " " + alerts;
    }

    private String offset(Instant instant) {
        Duration d = Duration.between(start, instant);
        StringBuilder out = new StringBuilder();
        if (d.toHours() > 0) {
            out.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || out.isEmpty()) {
            out.append(d.toSecondsPart()).append('s');
        }
        return out.toString();
    }

    /** An expected notification: receiver, integration, reason and its alerts by name ("b resolved"). */
    record Sent(String receiver, String integration, String reason, List<String> alerts) {

        static Sent sent(String receiver, String reason, String... alerts) {
            return new Sent(receiver, "webhook[0]", reason, List.of(alerts));
        }

        Sent via(String integrationKey) {
            return new Sent(receiver, integrationKey, reason, alerts);
        }

        String describe(String when) {
            return when + " " + receiver + " " + integration + " " + reason + " " + alerts;
        }
    }
}
