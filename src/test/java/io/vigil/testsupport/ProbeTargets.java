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
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server for probes to watch (a healthy and a broken endpoint), and a writable copy of
 * e2e/vigil.yaml pointed at it through ${TARGET_URL} and ${TARGET_PORT}.
 */
public class ProbeTargets implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private Path configFile;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/healthy").willReturn(okJson("{\"status\": \"ok\"}")));
        server.stubFor(get("/broken").willReturn(aResponse().withStatus(500).withBody("database unavailable")));
        try (InputStream in = ProbeTargets.class.getResourceAsStream("/e2e/vigil.yaml")) {
            configFile = Files.createTempFile("vigil-e2e", ".yaml");
            Files.copy(in, configFile, StandardCopyOption.REPLACE_EXISTING);
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
        if (configFile != null) {
            try {
                Files.deleteIfExists(configFile);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
