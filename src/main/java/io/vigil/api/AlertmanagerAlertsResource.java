package io.vigil.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.notify.ActiveRouting;
import io.vigil.notify.Matcher;
import io.vigil.notify.Matchers;
import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.NotificationService;
import io.vigil.notify.dispatch.AlertView;
import io.vigil.notify.dispatch.Dispatcher;
import io.vigil.notify.dispatch.GroupView;
import io.vigil.notify.silence.Silences;
import io.vigil.rule.promql.LabelMatcher;
import io.vigil.sample.Labels;

/**
 * Alertmanager's {@code /api/v2/alerts}. A Prometheus can name Vigil as its Alertmanager: posted alerts take the same
 * routes, silences and inhibitions as Vigil's own, with the defaults of Alertmanager's API (no start means now, or
 * the end if given; no end means {@code resolve_timeout} from now, renewed by each post). The reads answer what
 * {@code amtool alert query} asks: the alerts the dispatcher holds, and its aggregation groups.
 */
@Path("/api/v2/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertmanagerAlertsResource {

    /** Go's zero time: what Alertmanager's API shows for a time that is not set. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    @Inject
    NotificationService notifications;

    @Inject
    ActiveRouting routing;

    @Inject
    Clock clock;

    @Inject
    Silences silences;

    /** Alertmanager's {@code postableAlert}. */
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
            Instant endsAt, String generatorURL) {
    }

    public record Receiver(String name) {
    }

    public record AlertStatus(String state, List<String> silencedBy, List<String> inhibitedBy, List<String> mutedBy) {
    }

    /** Alertmanager's {@code gettableAlert}. */
    public record GettableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
            Instant endsAt, Instant updatedAt, String generatorURL, String fingerprint, List<Receiver> receivers,
            AlertStatus status) {
    }

    /** Alertmanager's {@code alertGroup}. */
    public record AlertGroup(Map<String, String> labels, Receiver receiver, List<GettableAlert> alerts) {
    }

    @GET
    public List<GettableAlert> list(@QueryParam("active") @DefaultValue("true") boolean active,
            @QueryParam("silenced") @DefaultValue("true") boolean silenced,
            @QueryParam("inhibited") @DefaultValue("true") boolean inhibited,
            @QueryParam("unprocessed") @DefaultValue("true") boolean unprocessed,
            @QueryParam("filter") List<String> filter, @QueryParam("receiver") String receiver) {
        List<Matcher> matchers = matchers(filter);
        Pattern receivers = receiverPattern(receiver);
        Instant now = clock.instant();
        return notifications.inspect(Dispatcher::alerts, List.<AlertView>of()).stream()
                .filter(view -> !view.alert().resolvedAt(now))
                .filter(view -> matchers.stream().allMatch(m -> m.matches(view.alert().labels())))
                .filter(view -> receivers == null || view.receivers().stream().anyMatch(r -> receivers.matcher(r).matches()))
                .map(view -> gettable(view, now))
                // Alertmanager's alertFilter: each flag off removes the alerts it names
                .filter(alert -> active || !alert.status().state().equals("active"))
                .filter(alert -> unprocessed || !alert.status().state().equals("unprocessed"))
                .filter(alert -> silenced || alert.status().silencedBy().isEmpty())
                .filter(alert -> inhibited || alert.status().inhibitedBy().isEmpty())
                .toList();
    }

    @GET
    @Path("/groups")
    public List<AlertGroup> groups(@QueryParam("filter") List<String> filter, @QueryParam("receiver") String receiver) {
        List<Matcher> matchers = matchers(filter);
        Pattern receivers = receiverPattern(receiver);
        Instant now = clock.instant();
        Map<String, AlertView> byFingerprint = new LinkedHashMap<>();
        List<GroupView> groups = notifications.inspect(dispatcher -> {
            dispatcher.alerts().forEach(view -> byFingerprint.put(view.fingerprint(), view));
            return dispatcher.groups();
        }, List.<GroupView>of());
        return groups.stream()
                .filter(group -> receivers == null || receivers.matcher(group.receiver()).matches())
                .map(group -> new AlertGroup(group.groupLabels().toMap(), new Receiver(group.receiver()),
                        group.alerts().stream()
                                .filter(alert -> matchers.stream().allMatch(m -> m.matches(alert.labels())))
                                .map(alert -> byFingerprint.get(alert.fingerprint()))
                                .filter(view -> view != null && !view.alert().resolvedAt(now))
                                .map(view -> gettable(view, now)).toList()))
                .filter(group -> !group.alerts().isEmpty())
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(List<PostableAlert> alerts) {
        if (alerts == null) {
            throw ProblemException.badRequest("body: a JSON array of alerts is required");
        }
        Instant now = clock.instant();
        List<NotifiableAlert> accepted = new ArrayList<>(alerts.size());
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            try {
                accepted.add(toAlert(alerts.get(i), "[" + i + "]", now));
            } catch (ProblemException e) {
                refused.add(e.getMessage());
            }
        }
        // As Alertmanager: the valid alerts of a batch are taken even when others are not, since Prometheus does
        // not send a refused batch again.
        notifications.ingest(accepted);
        if (!refused.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", refused));
        }
        // Alertmanager answers 200 with an empty body; some senders check for exactly that
        return Response.ok().build();
    }

    private NotifiableAlert toAlert(PostableAlert alert, String field, Instant now) {
        if (alert == null) {
            throw ProblemException.badRequest(field + ": an alert is required");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (alert.labels() != null) {
            alert.labels().forEach((name, value) -> {
                if (!Labels.isValidName(name)) {
                    throw ProblemException.badRequest(field + ".labels: invalid label name \"" + name + "\"");
                }
                // Alertmanager drops empty labels: an empty value is the same as no label
                if (value != null && !value.isEmpty()) {
                    labels.put(name, value);
                }
            });
        }
        if (labels.isEmpty()) {
            throw ProblemException.badRequest(field + ".labels: at least one label pair is required");
        }
        Instant endsAt = alert.endsAt();
        Instant startsAt = alert.startsAt() != null ? alert.startsAt() : endsAt != null ? endsAt : now;
        boolean timeout = endsAt == null;
        if (timeout) {
            endsAt = now.plus(routing.config().global().resolveTimeout());
        }
        if (endsAt.isBefore(startsAt)) {
            throw ProblemException.badRequest(field + ".endsAt: start time must be before end time");
        }
        return new NotifiableAlert(Labels.of(labels), alert.annotations(), startsAt, endsAt, alert.generatorURL(),
                timeout);
    }

    /** Silences as they stand now, as Alertmanager's API asks its silencer; inhibitions as of the last flush. */
    private GettableAlert gettable(AlertView view, Instant now) {
        NotifiableAlert alert = view.alert();
        List<String> silencedBy = silences.silencedBy(alert.labels(), now);
        String state = view.receivers().isEmpty() ? "unprocessed"
                : silencedBy.isEmpty() && view.inhibitedBy().isEmpty() && view.mutedBy().isEmpty() ? "active"
                : "suppressed";
        return new GettableAlert(alert.labels().toMap(), alert.annotations(), alert.startsAt(),
                alert.endsAt() == null ? GO_ZERO_TIME : alert.endsAt(), now, alert.generatorUrl(), view.fingerprint(),
                view.receivers().stream().map(Receiver::new).toList(),
                new AlertStatus(state, silencedBy, view.inhibitedBy(), view.mutedBy()));
    }

    private static List<Matcher> matchers(List<String> filter) {
        List<Matcher> out = new ArrayList<>();
        for (String text : filter == null ? List.<String>of() : filter) {
            try {
                out.addAll(Matchers.parse(text));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("filter: " + e.getMessage());
            }
        }
        return out;
    }

    private static Pattern receiverPattern(String receiver) {
        if (receiver == null || receiver.isEmpty()) {
            return null;
        }
        try {
            return LabelMatcher.compileAnchored(receiver);
        } catch (PatternSyntaxException e) {
            throw ProblemException.badRequest("receiver: not a valid regular expression: " + e.getDescription());
        }
    }
}
