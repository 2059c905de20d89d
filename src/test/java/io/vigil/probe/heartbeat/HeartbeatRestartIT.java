package io.vigil.probe.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.VigilProcess;

/**
 * A job that never pushed is given max_silence once, from when Vigil first watched it: restarting Vigil does not
 * give it a fresh grace (else a Vigil restarted more often than max_silence would never report it).
 */
class HeartbeatRestartIT {

    @TempDir
    Path directory;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        VigilProcess.emptyDatabase();
    }

    @Test
    void theGraceBeforeAFirstPushSurvivesARestart() {
        Map<String, String> env = Map.of("VIGIL_API_TOKENS", "ops:ops-token", "VIGIL_CONFIG_YAML", """
                probes:
                  - {name: nightly-backup, type: heartbeat, interval: 1h, token: job-token, max_silence: 5s}
                """);
        Instant watching;
        try (VigilProcess vigil = VigilProcess.start(directory, env)) {
            watching = Instant.now();
            assertThat(vigil.post("/api/v1/probes/nightly-backup/run", "", "ops-token").body())
                    .contains("\"success\":true");
        }
        try (VigilProcess vigil = VigilProcess.start(directory, env)) {
            // Starting the JVM takes longer than max_silence already; this only makes sure of it.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(watching.plusSeconds(5)));
            assertThat(vigil.post("/api/v1/probes/nightly-backup/run", "", "ops-token").body())
                    .contains("\"success\":false")
                    .contains("since Vigil began watching (max_silence 5s): POST /api/v1/heartbeats/nightly-backup");
        }
    }
}
