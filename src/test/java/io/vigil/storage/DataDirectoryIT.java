package io.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.VigilProcess;

/**
 * The packaged jar as the Docker image starts it: {@code VIGIL_DATA_DIR} names the volume the H2 database lives in,
 * whatever the working directory, and what was stored there is found again after a restart.
 */
class DataDirectoryIT {

    @TempDir
    Path workDirectory;

    @TempDir
    Path volume;

    @Test
    void keepsTheDatabaseInTheDataDirectoryAcrossRestarts() {
        // A blank DATABASE_URL: H2, the image's default, whichever database the other tests run on.
        Map<String, String> env = Map.of("DATABASE_URL", "", "VIGIL_DATA_DIR", volume.toString(),
                "VIGIL_API_TOKENS", "ops:ops-token",
                "VIGIL_CONFIG_YAML", """
                        probes:
                          - {name: web, type: tcp, interval: 1h, host: 127.0.0.1, port: 9}
                        """);
        String deployment = """
                {"service":"web","version":"v1.2.3","environment":"prod"}""";
        try (VigilProcess vigil = VigilProcess.start(workDirectory, env)) {
            assertThat(vigil.post("/api/v1/deployments", deployment, "ops-token").statusCode()).isEqualTo(201);
        }
        assertThat(volume.resolve("vigil.mv.db")).exists();
        assertThat(workDirectory.resolve("data")).as("nothing stored under the working directory").doesNotExist();

        try (VigilProcess vigil = VigilProcess.start(workDirectory, env)) {
            assertThat(vigil.get("/api/v1/deployments")).contains("\"version\":\"v1.2.3\"");
        }
    }
}
