package io.vigil.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.notify.delivery.DeliveryResult.Outcome.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Secret;
import io.vigil.notify.config.WebhookConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotificationJson;
import io.vigil.notify.delivery.Notifications;

class WebhookNotifierTest {

    private static final String PATH = "/alerts?token=t0k3n-in-the-query";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort()
            .bindAddress("127.0.0.1"));

    private static WebhookNotifier notifier;

    @BeforeAll
    static void start() {
        RECEIVER.start();
        notifier = new WebhookNotifier(Clock.fixed(Instant.parse("2026-03-01T10:00:30Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        notifier.close();
        RECEIVER.stop();
    }

    @BeforeEach
    void reset() {
        RECEIVER.resetAll();
    }

    @Test
    void aFiringGroupIsPostedAsAlertmanagersVersion4Payload() {
        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        NotificationData data = Notifications.firing();

        DeliveryResult result = send(data, 0);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        String fingerprint1 = NotifiableAlert.fingerprint(Notifications.alert("api-1:8080", null).labels());
        String fingerprint2 = NotifiableAlert.fingerprint(Notifications.alert("api-2:8080", null).labels());
        RECEIVER.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo(("{\"receiver\":\"ops-team\",\"status\":\"firing\",\"alerts\":["
                        + alertJson("firing", "api-1:8080", "0001-01-01T00:00:00Z", fingerprint1) + ","
                        + alertJson("firing", "api-2:8080", "0001-01-01T00:00:00Z", fingerprint2) + "],"
                        + "\"notification_reason\":\"first notification\","
                        + "\"groupLabels\":{\"alertname\":\"InstanceDown\",\"job\":\"api\"},"
                        + "\"commonLabels\":{\"alertname\":\"InstanceDown\",\"env\":\"production\",\"job\":\"api\","
                        + "\"severity\":\"critical\"},"
                        + "\"commonAnnotations\":{},"
                        + "\"externalURL\":\"https://vigil.example\",\"version\":\"4\","
                        + "\"groupKey\":\"{}/{severity=\\\"critical\\\"}:{alertname=\\\"InstanceDown\\\", "
                        + "job=\\\"api\\\"}\",\"truncatedAlerts\":0}"))));
    }

    @Test
    void resolvedAlertsCarryTheirEnd() {
        String message = notifier.render(Notifications.resolved(), config(0));

        assertThat(message).startsWith("{\"receiver\":\"ops-team\",\"status\":\"resolved\",\"alerts\":[{"
                + "\"status\":\"resolved\"").contains("\"endsAt\":\"2026-03-01T10:12:00Z\"")
                .contains("\"notification_reason\":\"all alerts resolved\"");
    }

    @Test
    void alertsBeyondMaxAlertsAreDroppedAndCounted() {
        String message = notifier.render(Notifications.firing(), config(1));

        WebhookMessage sent = NotificationJson.read(message, WebhookMessage.class);
        assertThat(sent.alerts()).hasSize(1);
        assertThat(sent.truncatedAlerts()).isEqualTo(1);
        // As in Alertmanager, common labels are those of the alerts sent.
        assertThat(sent.commonLabels()).containsEntry("instance", "api-1:8080");
        assertThat(sent.commonAnnotations()).containsEntry("summary", "api-1:8080 is down");
    }

    @Test
    void serverErrorsAreRetriedAndOtherClientErrorsAreNot() {
        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThat(send(Notifications.firing(), 0)).isEqualTo(DeliveryResult.retry(503, "busy", "serverError"));

        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody("who are you")));
        assertThat(send(Notifications.firing(), 0))
                .isEqualTo(DeliveryResult.permanent(401, "who are you", "clientError"));
    }

    @Test
    void rateLimitingIsRetriedAfterRetryAfter() {
        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        DeliveryResult result = send(Notifications.firing(), 0);

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aDroppedConnectionIsRetried() {
        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        DeliveryResult result = send(Notifications.firing(), 0);

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("network");
        assertThat(result.reply()).doesNotContain("t0k3n");
    }

    @Test
    void aLongReplyIsKeptShort() {
        RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("e".repeat(100_000))));

        DeliveryResult result = send(Notifications.firing(), 0);

        assertThat(result.reply()).hasSizeLessThan(600);
    }

    private static String alertJson(String status, String instance, String endsAt, String fingerprint) {
        return "{\"status\":\"" + status + "\",\"labels\":{\"alertname\":\"InstanceDown\",\"env\":\"production\","
                + "\"instance\":\"" + instance + "\",\"job\":\"api\",\"severity\":\"critical\"},"
                + "\"annotations\":{\"description\":\"No reply from " + instance + " for 1m\",\"summary\":\""
                + instance + " is down\"},\"startsAt\":\"2026-03-01T10:00:00.25Z\",\"endsAt\":\"" + endsAt + "\","
                + "\"generatorURL\":\"http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1\","
                + "\"fingerprint\":\"" + fingerprint + "\"}";
    }

    private static DeliveryResult send(NotificationData data, int maxAlerts) {
        return notifier.deliver(notifier.render(data, config(maxAlerts)), config(maxAlerts), TIMEOUT);
    }

    private static WebhookConfig config(int maxAlerts) {
        return new WebhookConfig(0, true, new Secret(RECEIVER.baseUrl() + PATH), maxAlerts);
    }
}
