package io.vigil.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.notify.ActiveRouting;
import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.NotificationService;
import io.vigil.sample.Labels;

/**
 * Alertmanager's {@code POST /api/v2/alerts}, so a Prometheus can name Vigil as its Alertmanager. The alerts take the
 * same routes, silences and inhibitions as Vigil's own. Defaults as Alertmanager's API: no start means now (or the
 * end, if given); no end means {@code resolve_timeout} from now, renewed by each post.
 */
@Path("/api/v2/alerts")
public class AlertIngestResource {

    @Inject
    NotificationService notifications;

    @Inject
    ActiveRouting routing;

    @Inject
    Clock clock;

    /** Alertmanager's {@code postableAlert}. */
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
            Instant endsAt, String generatorURL) {
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
}
