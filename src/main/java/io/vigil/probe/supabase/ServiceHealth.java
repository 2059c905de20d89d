package io.vigil.probe.supabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Which services of a Supabase project are healthy, read from {@code GET /v1/projects/{ref}/health}. Pure: no I/O.
 *
 * @param healthy every service reported, by name, sorted
 * @param problems for each unhealthy service, its name and what Supabase said of it, sorted by name
 */
public record ServiceHealth(Map<String, Boolean> healthy, List<String> problems) {

    private static final String HEALTHY = "ACTIVE_HEALTHY";

    /**
     * @throws ProbeFailure when the answer is not a list of services, or names none
     */
    public static ServiceHealth of(JsonNode services) throws ProbeFailure {
        if (!services.isArray()) {
            throw new ProbeFailure("Supabase answered something other than a list of services");
        }
        Map<String, Boolean> healthy = new TreeMap<>();
        Map<String, String> problems = new TreeMap<>();
        for (JsonNode service : services) {
            String name = service.path("name").asText("");
            if (name.isBlank()) {
                continue;
            }
            boolean up = isHealthy(service);
            // A service listed twice is healthy only if both entries say so.
            healthy.merge(name, up, Boolean::logicalAnd);
            if (!up) {
                problems.put(name, name + " (" + describe(service) + ")");
            }
        }
        if (healthy.isEmpty()) {
            throw new ProbeFailure("Supabase reported the health of no service");
        }
        return new ServiceHealth(Collections.unmodifiableMap(healthy), List.copyOf(problems.values()));
    }

    /** {@code status} when given, as Supabase deprecated {@code healthy} for it; COMING_UP is not healthy yet. */
    private static boolean isHealthy(JsonNode service) {
        JsonNode status = service.path("status");
        if (status.isTextual()) {
            return HEALTHY.equals(status.asText());
        }
        return service.path("healthy").asBoolean(false);
    }

    private static String describe(JsonNode service) {
        List<String> parts = new ArrayList<>();
        parts.add(service.path("status").asText("unhealthy"));
        JsonNode error = service.path("error");
        if (error.isValueNode() && !error.isNull() && !error.asText().isBlank()) {
            String text = error.asText().strip().replaceAll("\\s+", " ");
            parts.add(text.length() > 100 ? text.substring(0, 100) + "…" : text);
        }
        return String.join(": ", parts);
    }

    public boolean allHealthy() {
        return problems.isEmpty();
    }

    /** Why the run fails, naming the unhealthy services; empty when all are healthy. */
    public Optional<String> failureReason() {
        return allHealthy() ? Optional.empty() : Optional.of("unhealthy: " + String.join(", ", problems));
    }
}
