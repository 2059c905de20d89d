package io.vigil.probe.statuspage;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Heroku's own {@code https://status.heroku.com/api/v4/current-status}: a colour per system
 * ({@code {"status":[{"system":"Apps","status":"green"},...],"incidents":[...],"scheduled":[...]}}). The systems are
 * the components; the page's indicator is its worst system's colour, since Heroku publishes no page-level one.
 */
final class HerokuStatus {

    private HerokuStatus() {
    }

    static boolean looksLikeIt(JsonNode status) {
        for (JsonNode system : status) {
            if (!system.path("system").isTextual()) {
                return false;
            }
        }
        return !status.isEmpty();
    }

    static PageStatus read(JsonNode body) throws ProbeFailure {
        Indicator worst = Indicator.NONE;
        Map<String, Boolean> up = new LinkedHashMap<>();
        for (JsonNode system : body.path("status")) {
            String name = system.path("system").asText();
            JsonNode colour = system.path("status");
            Indicator indicator = Indicator.ofHerokuColour(name, colour.isTextual() ? colour.asText() : null);
            worst = worst.worse(indicator);
            up.merge(name, indicator == Indicator.NONE, Boolean::logicalAnd);
        }
        return new PageStatus(worst, up);
    }
}
