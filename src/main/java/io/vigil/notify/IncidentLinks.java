package io.vigil.notify;

import java.util.List;
import java.util.OptionalLong;

/** Which incident a notification is about, so that it links to it and its attempts show on its timeline. */
public interface IncidentLinks {

    /**
     * The incidents {@code alerts} belong to, in the order of the alerts: one, unless {@code incidents.group_by}
     * groups them more finely than the route that notifies them together.
     */
    List<Long> incidentsOf(List<NotifiableAlert> alerts);

    /** The incident an alert, by its fingerprint, belongs to. */
    OptionalLong incidentOf(String fingerprint);

    /** The incident's address under {@code externalUrl}; null without an external URL, as a link needs a host. */
    static String url(String externalUrl, long incidentId) {
        if (externalUrl == null || externalUrl.isEmpty()) {
            return null;
        }
        return externalUrl.replaceFirst("/+$", "") + "/api/v1/incidents/" + incidentId;
    }
}
