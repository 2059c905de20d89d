package io.vigil.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything a notification travels through, for real: a probe target that can be switched from failing to healthy,
 * GreenMail as the SMTP server, and WireMock as Slack (first answering 429 with {@code Retry-After: 2}) and as a
 * webhook receiver; plus writable copies of notify-e2e/ (or the {@code config} init argument's directory) pointed at
 * them.
 */
public class NotificationTargets implements QuarkusTestResourceLifecycleManager {

    public static final String SLACK_PATH = "/services/T000/B000/XXXXSECRET";
    public static final String CHECKOUT = "checkout";

    private static WireMockServer server;
    private static GreenMail smtp;
    private static Path directory;
    /** The resource directory the configuration is copied from; {@code config} init argument, else notify-e2e. */
    private String configuration = "notify-e2e";

    public static WireMockServer http() {
        return server;
    }

    public static GreenMail smtp() {
        return smtp;
    }

    /** Where the copies of vigil.yaml, rules.yml and alertmanager.yml are. */
    public static Path directory() {
        return directory;
    }

    /** The probe target answers 200 from now on. */
    public static void recover() {
        server.setScenarioState(CHECKOUT, "up");
    }

    @Override
    public void init(Map<String, String> initArgs) {
        configuration = initArgs.getOrDefault("config", configuration);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/checkout").inScenario(CHECKOUT).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("payment provider unreachable")));
        server.stubFor(get("/checkout").inScenario(CHECKOUT).whenScenarioStateIs("up").willReturn(ok("ok")));
        server.stubFor(post(SLACK_PATH).inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("open"));
        server.stubFor(post(SLACK_PATH).inScenario("slack").whenScenarioStateIs("open").willReturn(ok("ok")));
        server.stubFor(post("/webhook").willReturn(ok()));
        // a Slack that fails twice with 500 before it takes the message, and one whose webhook was removed
        server.stubFor(post("/services/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("rollup_error")).willSetStateTo("failed once"));
        server.stubFor(post("/services/flaky").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500).withBody("rollup_error")).willSetStateTo("recovered"));
        server.stubFor(post("/services/flaky").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok("ok")));
        server.stubFor(post("/services/dead").willReturn(aResponse().withStatus(404).withBody("no_service")));
        // a receiver that echoes the path, which holds its token, in its error
        server.stubFor(post("/hooks/TOKEN123").willReturn(aResponse().withStatus(404)
                .withBody("Cannot POST /hooks/TOKEN123")));
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            directory = Files.createTempDirectory("vigil-notify");
            for (String file : List.of("vigil.yaml", "rules.yml", "alertmanager.yml")) {
                try (InputStream in = NotificationTargets.class.getResourceAsStream("/" + configuration + "/" + file)) {
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.port();
        return Map.of(
                "vigil.config", directory.resolve("vigil.yaml").toString(),
                "TARGET_URL", base,
                "SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "SLACK_URL", base + SLACK_PATH,
                "WEBHOOK_URL", base + "/webhook",
                "SLACK_FLAKY_URL", base + "/services/flaky",
                "SLACK_DEAD_URL", base + "/services/dead",
                "ECHO_URL", base + "/hooks/TOKEN123");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (smtp != null) {
            smtp.stop();
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
