package io.vigil.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.notify.delivery.DeliveryResult.Outcome.PERMANENT;
import static io.vigil.notify.delivery.DeliveryResult.Outcome.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Secret;
import io.vigil.notify.config.SlackConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.Notifications;
import io.vigil.sample.Labels;

class SlackNotifierTest {

    static final String HOOK = "/services/T0001/B0001/sEcReTtOkEn42";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:30Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final WireMockServer SLACK = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private static SlackNotifier notifier;

    @BeforeAll
    static void start() {
        SLACK.start();
        notifier = new SlackNotifier(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        notifier.close();
        SLACK.stop();
    }

    @BeforeEach
    void reset() {
        SLACK.resetAll();
    }

    @Test
    void aFiringGroupIsPostedAsTextAndADangerAttachment() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));

        DeliveryResult result = send(Notifications.firing(), config("#ops", "Vigil", ":rotating_light:"));

        assertThat(result).isEqualTo(DeliveryResult.delivered(200, "ok"));
        SLACK.verify(postRequestedFor(urlEqualTo(HOOK)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"channel": "#ops", "username": "Vigil", "icon_emoji": ":rotating_light:",
                         "text": "[FIRING:2] InstanceDown",
                         "attachments": [{
                           "color": "danger",
                           "fallback": "[FIRING:2] InstanceDown | https://vigil.example/incidents/42",
                           "title": "[FIRING:2] InstanceDown api (production critical)",
                           "title_link": "https://vigil.example/incidents/42",
                           "text": "<https://vigil.example/incidents/42|Open the incident>\\n\
                        • api-1:8080 is down <http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1|source>\\n\
                        • api-2:8080 is down <http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1|source>",
                           "mrkdwn_in": ["text"]}]}
                        """)));
    }

    @Test
    void aResolvedGroupIsGoodAndLeavesOutWhatIsNotConfigured() {
        String message = notifier.render(Notifications.resolved(), config(null, null, null));

        assertThat(message).isEqualTo("{\"text\":\"[RESOLVED] InstanceDown\",\"attachments\":[{\"color\":\"good\","
                + "\"fallback\":\"[RESOLVED] InstanceDown | https://vigil.example/incidents/42\","
                + "\"title\":\"[RESOLVED] InstanceDown api (production critical)\","
                + "\"title_link\":\"https://vigil.example/incidents/42\","
                + "\"text\":\"<https://vigil.example/incidents/42|Open the incident>\\n"
                + "• api-1:8080 is down <http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1|source>\\n"
                + "• api-2:8080 is down <http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1|source>\","
                + "\"mrkdwn_in\":[\"text\"]}]}");
    }

    @Test
    void rateLimitingIsRetriedAfterRetryAfterInSeconds() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

        DeliveryResult result = send(Notifications.firing(), config(null, null, null));

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("rateLimited");
        assertThat(result.httpStatus()).isEqualTo(429);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rateLimitingIsRetriedAfterRetryAfterAsADate() {
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90),
                ZoneOffset.UTC));
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(429).withHeader("Retry-After", in90s)));

        assertThat(send(Notifications.firing(), config(null, null, null)).retryAfter())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aServerErrorIsRetried() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(500).withBody("rollup_error")));

        assertThat(send(Notifications.firing(), config(null, null, null)))
                .isEqualTo(DeliveryResult.retry(500, "rollup_error", "serverError"));
    }

    @Test
    void aRemovedWebhookIsPermanentWithSlacksReply() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(404).withBody("no_service")));

        assertThat(send(Notifications.firing(), config(null, null, null)))
                .isEqualTo(DeliveryResult.permanent(404, "no_service", "clientError"));
    }

    @Test
    void anInvalidPayloadIsPermanent() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

        assertThat(send(Notifications.firing(), config(null, null, null)))
                .isEqualTo(DeliveryResult.permanent(400, "invalid_payload", "clientError"));
    }

    @Test
    void anArchivedChannelIsPermanent() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));

        assertThat(send(Notifications.firing(), config(null, null, null)).outcome()).isEqualTo(PERMANENT);
    }

    @Test
    void aResetConnectionIsRetried() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryResult result = send(Notifications.firing(), config(null, null, null));

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("network");
        assertThat(result.httpStatus()).isNull();
    }

    @Test
    void aRefusedConnectionIsRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SlackConfig config = new SlackConfig(0, true, new Secret("http://127.0.0.1:" + closed + HOOK), null, null,
                null);

        DeliveryResult result = notifier.deliver(notifier.render(Notifications.firing(), config), config, TIMEOUT);

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("network");
        assertThat(result.reply()).startsWith("connection failed");
    }

    @Test
    void aSlowReplyTimesOut() {
        SLACK.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(3_000)));

        long start = System.nanoTime();
        DeliveryResult result = notifier.deliver(notifier.render(Notifications.firing(), config(null, null, null)),
                config(null, null, null), Duration.ofMillis(300));

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void labelValuesCannotTurnIntoSlackMarkup() {
        NotifiableAlert alert = new NotifiableAlert(Labels.of("alertname", "Down"),
                Map.of("summary", "<!channel> & <@U1>"), Notifications.STARTED, null, "", false);

        String message = notifier.render(Notifications.data(List.of(alert), "first_notification",
                Notifications.FIRING_AT), config(null, null, null));

        assertThat(message).contains("• &lt;!channel&gt; &amp; &lt;@U1&gt;").doesNotContain("<!channel>");
    }

    @Test
    void longTextIsCutAtALineEnd() {
        String lines = ("x".repeat(99) + "\n").repeat(100);

        String cut = SlackNotifier.truncate(lines, SlackNotifier.MAX_TEXT);

        assertThat(cut).hasSizeLessThanOrEqualTo(SlackNotifier.MAX_TEXT).endsWith("x\n…");
        assertThat(SlackNotifier.truncate("short", SlackNotifier.MAX_TEXT)).isEqualTo("short");
    }

    private static DeliveryResult send(NotificationData data, SlackConfig config) {
        return notifier.deliver(notifier.render(data, config), config, TIMEOUT);
    }

    static SlackConfig config(String channel, String username, String icon) {
        return new SlackConfig(0, true, new Secret(SLACK.baseUrl() + HOOK), channel, username, icon);
    }
}
