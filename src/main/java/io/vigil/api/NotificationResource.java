package io.vigil.api;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.vigil.incident.IncidentService;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.outbox.AttemptRow;
import io.vigil.notify.outbox.LedgerOutcome;
import io.vigil.notify.outbox.OutboxLedger;

/** The delivery ledger: every attempt to send a notification, and every alert held back, newest first. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    OutboxLedger ledger;

    @Inject
    IncidentService incidents;

    /**
     * One ledger line.
     *
     * @param integration    {@code email}, {@code slack} or {@code webhook}; null for an alert held back before routing
     *                       to an integration
     * @param integrationKey which integration of the receiver, e.g. {@code slack[0]}
     * @param outcome        delivered, retrying, failed, silenced, inhibited or muted
     * @param reason         why it was sent (Alertmanager's notification_reason) or held back
     */
    public record AttemptView(Instant at, String receiver, String integration, String integrationKey,
            Long incidentId, String groupKey, String outcome, Integer httpStatus, int attempt, Double latencySeconds,
            String reason, String error) {
    }

    @GET
    public List<AttemptView> list(@QueryParam("incident") Long incident, @QueryParam("receiver") String receiver,
            @QueryParam("groupKey") String groupKey, @QueryParam("outcome") String outcome,
            @QueryParam("since") Instant since, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        if (incident != null && incidents.find(incident).isEmpty()) {
            throw ProblemException.notFound("incident: no incident " + incident);
        }
        if (outcome != null && java.util.Arrays.stream(LedgerOutcome.values()).noneMatch(o -> o.wire().equals(outcome))) {
            throw ProblemException.badRequest("outcome must be one of delivered, retrying, failed, silenced, "
                    + "inhibited, muted; got \"" + outcome + "\"");
        }
        return ledger.list(new OutboxLedger.Filter(receiver, groupKey, outcome, since, incident), limit, offset).stream()
                .map(NotificationResource::view).toList();
    }

    private static AttemptView view(AttemptRow row) {
        String type = row.integration == null ? null : IntegrationConfig.typeOfKey(row.integration);
        return new AttemptView(row.attemptedAt, row.receiver, type, row.integration, row.incidentId, row.groupKey, row.outcome,
                row.httpStatus, row.attempt, row.latencySeconds, row.reason, row.error);
    }
}
