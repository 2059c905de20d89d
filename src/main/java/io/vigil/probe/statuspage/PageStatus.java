package io.vigil.probe.statuspage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * What a status page says, whichever format it came in: the page's indicator and, per component, whether it is
 * operational.
 *
 * @param components component label to up, in the page's order
 */
record PageStatus(Indicator indicator, Map<String, Boolean> components) {

    PageStatus {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** Reads a Statuspage summary or Heroku's current status, telling them apart by shape. */
    static PageStatus read(JsonNode body) throws ProbeFailure {
        JsonNode status = body.path("status");
        if (status.isObject() && status.has("indicator")) {
            if (!body.path("components").isArray()) {
                throw new ProbeFailure("the Statuspage body has status.indicator but no components: "
                        + "point url at /api/v2/summary.json, not status.json");
            }
            return StatuspageSummary.read(body);
        }
        if (status.isArray() && HerokuStatus.looksLikeIt(status)) {
            return HerokuStatus.read(body);
        }
        throw new ProbeFailure("the body is neither a Statuspage summary (status.indicator and components) "
                + "nor Heroku's current status (status[].system and status[].status)");
    }
}
