package io.vigil.deploy;

import java.time.Instant;

/**
 * A deploy of a service: the first thing anyone asks in an outage is what changed.
 *
 * @param at         when it was deployed
 * @param recordedBy the API token's name that reported it
 */
public record Deployment(long id, String service, String version, String environment, String url, Instant at,
        String recordedBy, Instant recordedAt) {

    static Deployment of(DeploymentRow row) {
        return new Deployment(row.id, row.service, row.version, row.environment, row.url, row.deployedAt,
                row.recordedBy, row.recordedAt);
    }
}
