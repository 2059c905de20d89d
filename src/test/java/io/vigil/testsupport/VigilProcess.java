package io.vigil.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, so a test can crash it and
 * start it again on the same storage, as an operator would. The storage is {@code VIGIL_IT_DATABASE_URL} when set
 * (a postgres://user:password@host:port/db URL; CI runs these tests once more on PostgreSQL that way), else H2 in the working directory; a test that passes its
 * own DATABASE_URL (blank for H2) keeps it.
 */
public final class VigilProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String IT_DATABASE_URL = System.getenv().getOrDefault("VIGIL_IT_DATABASE_URL", "");

    private final Process process;
    private final int port;

    private VigilProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with {@code environment} added and waits until it is ready. */
    public static VigilProcess start(Path workDirectory, Map<String, String> environment) {
        String jar = System.getProperty("vigil.jar", "target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of(jar).toAbsolutePath().toString()));
        // Logs go under target/, where they outlive the test's temporary directory for a look after a failure.
        Path logs = Path.of("target", "vigil-process");
        try {
            java.nio.file.Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(logs.resolve("vigil-" + port + ".log").toFile());
        builder.environment().put("DATABASE_URL", IT_DATABASE_URL);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        try {
            VigilProcess vigil = new VigilProcess(builder.start(), port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> vigil.status("/q/health/ready") == 200);
            return vigil;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body with a bearer token; answers the status and body. */
    public HttpResponse<String> post(String path, String json, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process without letting it shut down: what a crash or an OOM kill does. */
    public void crash() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        }
    }

    private int status(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Vigil exited with " + process.exitValue() + " before it was ready");
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Empties the PostgreSQL database of {@code VIGIL_IT_DATABASE_URL}, so that a test starts from nothing as it does
     * on H2 in a fresh directory; without that variable there is nothing to empty.
     */
    public static void emptyDatabase() {
        if (IT_DATABASE_URL.isBlank()) {
            return;
        }
        URI url = URI.create(IT_DATABASE_URL.replaceFirst("^jdbc:", ""));
        String[] credentials = url.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath();
        try (Connection connection = DriverManager.getConnection(jdbc, credentials[0], credentials[1]);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the database of VIGIL_IT_DATABASE_URL", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
