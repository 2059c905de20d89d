package io.vigil.notify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.vertx.core.Vertx;
import io.vigil.notify.Secret;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.config.SlackConfig;
import io.vigil.notify.config.WebhookConfig;
import io.vigil.notify.email.EmailNotifier;
import io.vigil.notify.slack.SlackNotifier;
import io.vigil.notify.webhook.WebhookNotifier;

/** CONTRACT §1: a secret never appears in a log line or a notification, and Vigil records every attempt. */
class SecretsStayHiddenTest {

    private static final String PASSWORD = "pa55-w0rd-never-shown";
    private static final String SLACK_TOKEN = "sEcReTtOkEn42";
    private static final String WEBHOOK_TOKEN = "hook-t0ken-9f8e7d";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The test's SMTP and HTTP servers log what they receive, which is theirs to see; Vigil's side is what counts. */
    private static final List<String> SERVERS = List.of("com.icegreen", "wiremock", "com.github.tomakehurst",
            "org.eclipse.jetty");

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String logger = String.valueOf(record.getLoggerName());
            if (SERVERS.stream().anyMatch(logger::startsWith)) {
                return;
            }
            StringWriter text = new StringWriter();
            text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Map<Handler, Level> consoleLevels = new HashMap<>();
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        // Debug logging included: someone chasing a delivery problem turns it on. The console keeps its level.
        for (Handler handler : root.getHandlers()) {
            consoleLevels.put(handler, handler.getLevel());
            if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                handler.setLevel(Level.INFO);
            }
        }
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        consoleLevels.forEach(Handler::setLevel);
    }

    @Test
    void theSmtpPasswordIsNowhere() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtp.setUser("alerts@vigil.test", "alerts", PASSWORD);
        Vertx vertx = Vertx.vertx();
        EmailNotifier notifier = new EmailNotifier(vertx);
        List<Object> shown = new ArrayList<>();
        try {
            for (String host : List.of("127.0.0.1:" + smtp.getSmtp().getPort(), "127.0.0.1:" + closedPort())) {
                for (String password : List.of(PASSWORD, PASSWORD + "-but-wrong")) {
                    EmailConfig config = new EmailConfig(0, true, List.of("oncall@vigil.test"), "vigil@vigil.test",
                            host, "alerts", new Secret(password), false, Map.of("X-Config", "{{ .Status }}"));
                    String message = notifier.render(Notifications.firing(), config);
                    shown.add(message);
                    shown.add(notifier.deliver(message, config, TIMEOUT));
                    shown.add(config);
                }
            }
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            notifier.close();
            vertx.close().toCompletionStage().toCompletableFuture().get();
            smtp.stop();
        }

        String base64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        String plain = Base64.getEncoder().encodeToString(("\0alerts\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertHidden(shown, PASSWORD, base64, plain);
    }

    @Test
    void theSlackAndWebhookUrlsAreNowhere() throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        SlackNotifier slack = new SlackNotifier();
        WebhookNotifier webhook = new WebhookNotifier();
        List<Object> shown = new ArrayList<>();
        try {
            List<String> bases = List.of(server.baseUrl(), "http://127.0.0.1:" + closedPort());
            for (var reply : List.of(aResponse().withStatus(404).withBody("no_service"),
                    aResponse().withStatus(500), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                    aResponse().withStatus(200).withFixedDelay(1_500))) {
                server.stubFor(post(urlPathMatching("/.*")).willReturn(reply));
                for (String base : bases) {
                    SlackConfig slackConfig = new SlackConfig(0, true,
                            new Secret(base + "/services/T0001/B0001/" + SLACK_TOKEN), null, null, null);
                    WebhookConfig webhookConfig = new WebhookConfig(0, true,
                            new Secret(base + "/hook/" + WEBHOOK_TOKEN + "?key=" + WEBHOOK_TOKEN), 0);
                    String slackMessage = slack.render(Notifications.firing(), slackConfig);
                    String webhookMessage = webhook.render(Notifications.firing(), webhookConfig);
                    shown.addAll(List.of(slackMessage, webhookMessage, slackConfig, webhookConfig,
                            slack.deliver(slackMessage, slackConfig, Duration.ofSeconds(1)),
                            webhook.deliver(webhookMessage, webhookConfig, Duration.ofSeconds(1))));
                }
            }
        } finally {
            slack.close();
            webhook.close();
            server.stop();
        }

        assertHidden(shown, SLACK_TOKEN, WEBHOOK_TOKEN);
    }

    private void assertHidden(List<Object> shown, String... secrets) {
        // a snapshot: threads of a Quarkus app that another test class started in this JVM may still be logging
        List<String> lines;
        synchronized (logged) {
            lines = List.copyOf(logged);
        }
        assertThat(lines).as("log records captured").isNotEmpty();
        for (String secret : secrets) {
            assertThat(shown).allSatisfy(item -> assertThat(String.valueOf(item)).doesNotContain(secret));
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(secret));
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
