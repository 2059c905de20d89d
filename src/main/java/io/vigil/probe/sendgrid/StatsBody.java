package io.vigil.probe.sendgrid;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Reads the answer of {@code /v3/stats} and {@code /v3/categories/stats}: an array of days, each
 * {@code {"date": "YYYY-MM-DD", "stats": [{"metrics": {...}}]}} with one entry per category on the categories path
 * ({@code "type": "category", "name": ...} beside the metrics) and one in all on the global path. Days without mail
 * are there with zero metrics. A body of another shape fails the run rather than counting as no mail.
 */
final class StatsBody {

    private StatsBody() {
    }

    /** Every day's, and every category's, metrics added up. */
    static SendgridTotals sum(JsonNode body, String path) throws ProbeFailure {
        if (!body.isArray()) {
            throw unexpected(path, "an array of days was expected, not " + kind(body));
        }
        SendgridTotals totals = SendgridTotals.NONE;
        for (JsonNode day : body) {
            String date = day.path("date").asText("?");
            JsonNode stats = day.path("stats");
            if (!stats.isArray()) {
                throw unexpected(path, "the day " + date + " has no \"stats\" array");
            }
            for (JsonNode entry : stats) {
                JsonNode metrics = entry.path("metrics");
                if (!metrics.isObject()) {
                    throw unexpected(path, "a \"stats\" entry of " + date + " has no \"metrics\" object");
                }
                totals = totals.plus(SendgridTotals.of(name -> count(metrics, name, date, path)));
            }
        }
        return totals;
    }

    private static long count(JsonNode metrics, String name, String date, String path) throws ProbeFailure {
        JsonNode value = metrics.get(name);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw unexpected(path, "the metrics of " + date + " have no whole number \"" + name + "\"");
        }
        return value.asLong();
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static ProbeFailure unexpected(String path, String problem) {
        return new ProbeFailure("SendGrid answered unexpected stats on " + path + ": " + problem);
    }
}
