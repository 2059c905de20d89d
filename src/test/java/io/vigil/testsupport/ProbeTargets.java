package io.vigil.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server for probes to watch (a healthy and a broken endpoint), and writable copies of
 * e2e/vigil.yaml and its rules.yml pointed at it through ${TARGET_URL} and ${TARGET_PORT}.
 */
public class ProbeTargets implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private Path directory;
    private Path configFile;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/healthy").willReturn(okJson("{\"status\": \"ok\"}")));
        server.stubFor(get("/broken").willReturn(aResponse().withStatus(500).withBody("database unavailable")));
        try {
            directory = Files.createTempDirectory("vigil-e2e");
            for (String file : List.of("vigil.yaml", "rules.yml")) {
                try (InputStream in = ProbeTargets.class.getResourceAsStream("/e2e/" + file)) {
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            configFile = directory.resolve("vigil.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "vigil.config", configFile.toString(),
                "TARGET_URL", "http://127.0.0.1:" + server.port(),
                "TARGET_PORT", String.valueOf(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
