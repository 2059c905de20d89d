package io.vigil.notify;

import java.util.List;
import java.util.OptionalLong;

/** Which incident a notification is about, so that it links to it and its attempts show on its timeline. */
public interface IncidentLinks {

    /** The incident the first of {@code alerts} that has one belongs to. */
    OptionalLong incidentOf(List<NotifiableAlert> alerts);

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
