package io.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.vigil.testsupport.VigilProcess;

/**
 * Nothing queued is lost: with the SMTP server down, two mails wait in the outbox; Vigil is killed, the SMTP server
 * comes up, Vigil starts again on the same H2 file, and each mail arrives exactly once. A silence made before the
 * crash is still there after it.
 */
class OutboxRestartIT {

    private static final String TOKEN = "restart-test-token";

    @TempDir
    Path directory;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        VigilProcess.emptyDatabase();
    }

    @Test
    void mailQueuedWhileSmtpWasDownArrivesOnceAfterACrash() throws IOException {
        int smtpPort = VigilProcess.freePort();
        writeConfig(smtpPort);
        // DEBUG shows each delivery attempt in target/vigil-process/*.log, for a look after a failure
        Map<String, String> env = Map.of("VIGIL_CONFIG", directory.resolve("vigil.yaml").toString(),
                "QUARKUS_LOG_CATEGORY__IO_VIGIL_NOTIFY__LEVEL", "DEBUG", "VIGIL_API_TOKENS", "ops:" + TOKEN);
        String silenceId;

        try (VigilProcess first = VigilProcess.start(directory, env)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String ledger = first.get("/api/v1/notifications?outcome=retrying");
                return ledger.contains("shard=\\\"a\\\"") && ledger.contains("shard=\\\"b\\\"");
            });
            assertThat(first.get("/q/metrics")).contains("vigil_notification_queue_length 2.0");
            HttpResponse<String> silence = first.post("/api/v1/silences", """
                    {"matchers": [{"name": "shard", "value": "c"}], "startsAt": "%s", "endsAt": "%s",
                     "createdBy": "ops", "comment": "kept across a crash"}
                    """.formatted(Instant.now(), Instant.now().plus(Duration.ofHours(1))), TOKEN);
            assertThat(silence.statusCode()).as(silence.body()).isEqualTo(200);
            silenceId = new ObjectMapper().readTree(silence.body()).get("silenceID").asText();
            first.crash();
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (VigilProcess second = VigilProcess.start(directory, env)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> second.get("/q/metrics").contains("vigil_notification_queue_length 0.0"));
            // Delivered once each, by the messages committed before the crash: their attempts go on from there.
            JsonNode delivered = new ObjectMapper().readTree(second.get("/api/v1/notifications?outcome=delivered"));
            assertThat(delivered).hasSize(2);
            assertThat(delivered).allSatisfy(line -> assertThat(line.get("attempt").asInt()).isGreaterThan(1));
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxRestartIT::subject))
                    .containsExactlyInAnyOrder("[FIRING:1] Queued a", "[FIRING:1] Queued b");
            JsonNode kept = new ObjectMapper().readTree(second.get("/api/v1/silences/" + silenceId));
            assertThat(kept.get("status").get("state").asText()).isEqualTo("active");
            assertThat(kept.get("comment").asText()).isEqualTo("kept across a crash");
        } finally {
            smtp.stop();
        }
    }

    private void writeConfig(int smtpPort) throws IOException {
        Files.writeString(directory.resolve("vigil.yaml"), """
                global: {evaluation_interval: 1s}
                probes: []
                rule_files: [rules.yml]
                alertmanager_config: alertmanager.yml
                """);
        Files.writeString(directory.resolve("rules.yml"), """
                groups:
                  - name: restart
                    interval: 1s
                    rules:
                      - alert: Queued
                        expr: label_replace(vector(1), "shard", "a", "", "") or label_replace(vector(2), "shard", "b", "", "")
                """);
        Files.writeString(directory.resolve("alertmanager.yml"), """
                global:
                  smtp_smarthost: 127.0.0.1:%d
                  smtp_from: vigil@example.test
                  smtp_require_tls: false
                route:
                  receiver: team
                  group_by: [alertname, shard]
                  group_wait: 0s
                  group_interval: 1s
                receivers:
                  - name: team
                    email_configs:
                      - to: team@example.test
                """.formatted(smtpPort));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
