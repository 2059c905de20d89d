package io.vigil.probe.netlify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * The newest deploy of a site, read from the first element of {@code GET /api/v1/sites/{id}/deploys}.
 *
 * @param createdAt when the deploy was created. Not published_at: that is null for every deploy that never went
 *        live (an error, one still building), which are the ones worth seeing
 */
public record LatestDeploy(String id, String state, Instant createdAt, String errorMessage) {

    /** The state label of a deploy that carries none. */
    public static final String UNKNOWN_STATE = "unknown";

    /** How much of an error_message a reason quotes. */
    static final int QUOTED = 200;

    /**
     * The newest deploy of a deploy listing, or empty when the site has none yet.
     *
     * @throws ProbeFailure when the listing is not one, or its deploy has no readable created_at
     */
    public static Optional<LatestDeploy> of(JsonNode deploys) throws ProbeFailure {
        if (!deploys.isArray()) {
            throw new ProbeFailure("Netlify answered something other than a list of deploys");
        }
        if (deploys.isEmpty()) {
            return Optional.empty();
        }
        JsonNode deploy = deploys.get(0);
        String id = deploy.path("id").asText("");
        String state = deploy.path("state").asText("");
        String created = deploy.path("created_at").asText("");
        Instant createdAt;
        try {
            createdAt = OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProbeFailure("Netlify's latest deploy " + id + " has no readable created_at: \"" + created + "\"");
        }
        String error = deploy.path("error_message").isTextual() ? deploy.path("error_message").asText() : null;
        return Optional.of(new LatestDeploy(id, state.isBlank() ? UNKNOWN_STATE : state, createdAt, error));
    }

    public boolean failed() {
        return "error".equals(state);
    }

    /** When the deploy was created, in Unix seconds with milliseconds. */
    public double createdAtSeconds() {
        return createdAt.toEpochMilli() / 1000.0;
    }

    /** Why the run fails: the deploy and Netlify's error_message, on one line. */
    public String failureReason() {
        String message = errorMessage == null || errorMessage.isBlank() ? "no error_message given"
                : "\"" + shortened(errorMessage.strip().replaceAll("\\s+", " ")) + "\"";
        return "latest deploy " + id + " failed (state error): " + message;
    }

    private static String shortened(String line) {
        return line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line;
    }
}
