package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.testsupport.VigilProcess;

/**
 * An incident outlives a crash: opened, acknowledged and commented on, then Vigil is killed; after the restart it is
 * the same incident with the same timeline, still acknowledged, and when its alert resolves it is that incident that
 * resolves, not a new one.
 */
class IncidentRestartIT {

    private static final String TOKEN = "restart-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        VigilProcess.emptyDatabase();
    }

    @Test
    void anAcknowledgedIncidentResumesAfterACrashAndResolvesWithItsAlert() throws IOException {
        writeConfig("vector(1)");
        Map<String, String> env = Map.of("VIGIL_CONFIG", directory.resolve("vigil.yaml").toString(),
                "VIGIL_API_TOKENS", "ops:" + TOKEN);
        long id;
        try (VigilProcess first = VigilProcess.start(directory, env)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(first.get("/api/v1/incidents")).size() == 1);
            id = read(first.get("/api/v1/incidents")).get(0).get("id").asLong();
            assertThat(first.post("/api/v1/incidents/" + id + "/acknowledge", "{}", TOKEN).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> comment = first.post("/api/v1/incidents/" + id + "/comments",
                    "{\"text\": \"the disk is full again\"}", TOKEN);
            assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
            first.crash();
        }

        try (VigilProcess second = VigilProcess.start(directory, env)) {
            JsonNode incident = read(second.get("/api/v1/incidents/" + id));
            assertThat(incident.get("status").asText()).isEqualTo("acknowledged");
            assertThat(incident.get("acknowledgedBy").asText()).isEqualTo("ops");
            assertThat(kinds(incident)).containsExactly("alert_fired", "acknowledged", "commented");
            assertThat(incident.at("/timeline/2/detail/text").asText()).isEqualTo("the disk is full again");
            assertThat(second.get("/q/metrics")).contains("vigil_incidents_open 1.0");

            writeConfig("vector(1) == 2");
            assertThat(second.post("/api/v1/config/reload", "", TOKEN).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> read(second.get("/api/v1/incidents/" + id))
                    .get("status").asText().equals("resolved"));
            JsonNode resolved = read(second.get("/api/v1/incidents/" + id));
            assertThat(kinds(resolved)).containsExactly("alert_fired", "acknowledged", "commented",
                    "alert_resolved", "resolved");
            assertThat(read(second.get("/api/v1/incidents"))).hasSize(1);
            assertThat(second.get("/q/metrics")).contains("vigil_incidents_open 0.0");
        }
    }

    private void writeConfig(String expression) throws IOException {
        Files.writeString(directory.resolve("vigil.yaml"), """
                global: {evaluation_interval: 1s}
                probes: []
                rule_files: [rules.yml]
                """);
        Files.writeString(directory.resolve("rules.yml"), """
                groups:
                  - name: restart
                    interval: 1s
                    rules:
                      - alert: DiskFull
                        expr: %s
                        labels: {service: storage}
                """.formatted(expression));
    }

    private static List<String> kinds(JsonNode incident) {
        return incident.get("timeline").findValuesAsText("kind");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
