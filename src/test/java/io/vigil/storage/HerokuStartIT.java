package io.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.VigilProcess;

/**
 * The packaged jar as Heroku starts it: port from {@code $PORT}, storage from a {@code postgres://} DATABASE_URL,
 * configuration from an environment variable holding the YAML. Needs the PostgreSQL that .ci/run starts (role and
 * database {@code vigil}/{@code vigil_test}); without one the test is skipped, saying so.
 */
class HerokuStartIT {

    private static final String DATABASE_URL = System.getenv().getOrDefault("VIGIL_IT_DATABASE_URL",
            "postgres://vigil:vigil@127.0.0.1:5432/vigil_test");

    @TempDir
    Path directory;

    @Test
    void startsOnPortAndPostgresFromTheEnvironmentAndIsReady() {
        assumeTrue(postgresReachable(),
                "no PostgreSQL at " + DATABASE_URL.replaceAll("//[^@]*@", "//") + " (CI starts one)");
        Map<String, String> env = Map.of("DATABASE_URL", DATABASE_URL, "VIGIL_CONFIG_YAML", """
                probes:
                  - {name: heroku-web, type: tcp, interval: 1h, host: 127.0.0.1, port: 9}
                """);
        try (VigilProcess vigil = VigilProcess.start(directory, env)) {
            assertThat(vigil.get("/q/health/ready")).contains("\"status\": \"UP\"");
            assertThat(vigil.get("/api/v1/probes")).contains("\"name\":\"heroku-web\"");
            assertThat(directory.resolve("data")).as("no H2 file: storage is PostgreSQL").doesNotExist();
        }
    }

    private static boolean postgresReachable() {
        String jdbc = DATABASE_URL.replaceFirst("^postgres(ql)?://([^:]+):([^@]+)@", "jdbc:postgresql://");
        String[] credentials = DATABASE_URL.replaceFirst("^postgres(ql)?://", "").split("@")[0].split(":");
        try (Connection ignored = DriverManager.getConnection(jdbc, credentials[0], credentials[1])) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
