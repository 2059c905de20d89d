package io.vigil.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.testsupport.NotificationTargets;

/**
 * A failing probe fires its alert; Alertmanager-style routing sends it by email (GreenMail), Slack (WireMock, which
 * first answers 429 with Retry-After: 2) and webhook; the probe recovers and the resolved notifications follow. All
 * of it is read back from the receivers, the ledger API and the metrics.
 */
@QuarkusTest
@WithTestResource(NotificationTargets.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    @Order(1)
    void theFiringAlertArrivesByEmailWithItsLabelsAndAnnotations() throws Exception {
        await().atMost(WAIT).until(() -> NotificationTargets.smtp().getReceivedMessages().length >= 1);
        MimeMessage mail = NotificationTargets.smtp().getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("[FIRING:1] CheckoutDown checkout");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("team@example.test");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("text/plain").contains("text/html").contains("Checkout is down")
                .contains("checkout answered an error").contains("severity").contains("critical")
                .contains("env").contains("test");
    }

    @Test
    @Order(1)
    void itsIncidentIsGroupedAsItsNotificationsWithoutAnIncidentsSection() {
        String checkout = "find { it.groupLabels.alertname == 'CheckoutDown' }";
        await().atMost(WAIT).until(() -> given().get("/api/v1/incidents").jsonPath().get(checkout) != null);
        assertThat(given().get("/api/v1/incidents").jsonPath().getMap(checkout + ".groupLabels"))
                .isEqualTo(Map.of("alertname", "CheckoutDown", "service", "checkout"));
    }

    @Test
    @Order(2)
    void slackWaitsForItsRetryAfterAndIsThenDeliveredOnce() {
        await().atMost(WAIT).until(() -> slackRequests().size() >= 2);
        List<LoggedRequest> requests = slackRequests();
        Duration between = Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant());
        assertThat(between).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        JsonPath message = JsonPath.from(requests.get(1).getBodyAsString());
        assertThat(message.getString("text")).startsWith("[FIRING:1]").contains("CheckoutDown");
        assertThat(message.getString("attachments[0].color")).isEqualTo("danger");
        assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());

        List<Map<String, Object>> ledger = given().get("/api/v1/notifications?receiver=oncall").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.integration == 'slack' }");
        assertThat(ledger).extracting(l -> l.get("outcome"), l -> l.get("httpStatus"), l -> l.get("attempt"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delivered", 200, 2),
                        org.assertj.core.groups.Tuple.tuple("retrying", 429, 1));
    }

    @Test
    @Order(3)
    void theWebhookGetsAlertmanagersPayload() {
        await().atMost(WAIT).until(() -> !webhookRequests().isEmpty());
        JsonPath payload = JsonPath.from(webhookRequests().get(0).getBodyAsString());
        assertThat(payload.getString("version")).isEqualTo("4");
        assertThat(payload.getString("status")).isEqualTo("firing");
        assertThat(payload.getString("receiver")).isEqualTo("oncall");
        assertThat(payload.getString("groupKey")).isEqualTo("{}/{severity=\"critical\"}:{alertname=\"CheckoutDown\", service=\"checkout\"}");
        assertThat(payload.getMap("groupLabels")).isEqualTo(Map.of("alertname", "CheckoutDown", "service", "checkout"));
        assertThat(payload.getString("alerts[0].labels.env")).isEqualTo("test");
        assertThat(payload.getString("externalURL")).isEqualTo("http://vigil.example.test");
    }

    @Test
    @Order(4)
    void aRecoveryIsNotifiedAsResolvedEverywhere() throws Exception {
        NotificationTargets.recover();
        await().atMost(WAIT).until(() -> NotificationTargets.smtp().getReceivedMessages().length >= 2);
        MimeMessage resolved = NotificationTargets.smtp().getReceivedMessages()[1];
        assertThat(resolved.getSubject()).startsWith("[RESOLVED] CheckoutDown checkout");
        await().atMost(WAIT).until(() -> slackRequests().size() >= 3);
        assertThat(JsonPath.from(slackRequests().get(2).getBodyAsString()).getString("attachments[0].color"))
                .isEqualTo("good");
        await().atMost(WAIT).until(() -> webhookRequests().size() >= 2);
        assertThat(JsonPath.from(webhookRequests().get(1).getBodyAsString()).getString("status")).isEqualTo("resolved");
        assertThat(NotificationTargets.smtp().getReceivedMessages()).hasSize(2);
    }

    @Test
    @Order(5)
    void theMetricsCountEveryAttemptAndTheQueueIsEmpty() {
        await().atMost(WAIT).untilAsserted(() -> {
            // the 0.0.4 text format may end a label set with a comma
            String metrics = given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString()
                    .replace(",}", "}");
            // every attempt the ledger shows is counted (a mail may need a second attempt on a loaded machine)
            int mailAttempts = given().get("/api/v1/notifications?receiver=team").then().extract().jsonPath()
                    .getList("findAll { it.integration == 'email' }").size();
            assertThat(mailAttempts).isGreaterThanOrEqualTo(2);
            assertThat(metrics).contains("vigil_notifications_total{integration=\"slack\",receiver=\"oncall\"} 3.0")
                    .contains("vigil_notifications_failed_total{integration=\"slack\",reason=\"rateLimited\",receiver=\"oncall\"} 1.0")
                    .contains("vigil_notifications_total{integration=\"email\",receiver=\"team\"} " + mailAttempts + ".0")
                    .contains("vigil_notification_queue_length 0.0")
                    .contains("vigil_notification_latency_seconds_bucket{integration=\"webhook\"")
                    .doesNotContain("XXXXSECRET");
        });
    }

    @Test
    @Order(6)
    void alertsPostedAsToAnAlertmanagerAreRoutedAndSilencesHoldThemBack() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String silenceId = given().contentType("application/json").body("""
                {"matchers": [{"name": "alertname", "value": "Maintenance"}], "startsAt": "%s", "endsAt": "%s",
                 "createdBy": "alice", "comment": "planned work"}
                """.formatted(now, now.plusSeconds(3600))).post("/api/v1/silences").then().statusCode(200)
                .extract().path("silenceID");

        given().contentType("application/json").body("""
                [{"labels": {"alertname": "FromPrometheus", "service": "billing", "severity": "warning"},
                  "annotations": {"summary": "Billing lags"}, "generatorURL": "http://prometheus:9090/graph"},
                 {"labels": {"alertname": "Maintenance", "service": "billing"}}]
                """).post("/api/v2/alerts").then().statusCode(200);

        await().atMost(WAIT).until(() -> NotificationTargets.smtp().getReceivedMessages().length >= 3);
        MimeMessage mail = NotificationTargets.smtp().getReceivedMessages()[2];
        assertThat(mail.getSubject()).startsWith("[FIRING:1] FromPrometheus billing");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/notifications?outcome=silenced").then()
                .body("[0].reason", org.hamcrest.Matchers.containsString(silenceId))
                .body("[0].groupKey", org.hamcrest.Matchers.containsString("Maintenance")));
        assertThat(NotificationTargets.smtp().getReceivedMessages()).hasSize(3);
    }

    @Test
    @Order(7)
    void invalidPostedAlertsAreRefusedNamingTheFieldWhileTheValidOnesOfTheBatchAreTaken() throws Exception {
        int mails = NotificationTargets.smtp().getReceivedMessages().length;
        given().contentType("application/json").body("""
                [{"labels": {"alertname": "GoodOne", "service": "billing"}},
                 {"labels": {"1bad": "x"}}]
                """).post("/api/v2/alerts").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo("[1].labels: invalid label name \"1bad\""));
        await().atMost(WAIT).until(() -> NotificationTargets.smtp().getReceivedMessages().length > mails);
        assertThat(NotificationTargets.smtp().getReceivedMessages()[mails].getSubject())
                .startsWith("[FIRING:1] GoodOne billing");

        given().contentType("application/json").body("[{\"labels\": {}}]").post("/api/v2/alerts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("[0].labels: at least one label pair is required"));
        given().contentType("application/json").body("[{\"labels\": {\"a\": \"b\"}, \"startsAt\": \"soon\"}]")
                .post("/api/v2/alerts").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("[0].startsAt: "));
    }

    @Test
    @Order(8)
    void aReplyThatEchoesTheWebhookUrlIsScrubbedFromTheLedger() {
        given().contentType("application/json").body("[{\"labels\": {\"alertname\": \"Echo\", \"channel\": \"echo\"}}]")
                .post("/api/v2/alerts").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/notifications?receiver=echo").then()
                .body("[0].outcome", org.hamcrest.Matchers.equalTo("failed"))
                .body("[0].error", org.hamcrest.Matchers.equalTo("clientError: Cannot POST <url>")));
        String ledger = given().get("/api/v1/notifications?limit=1000").asString();
        assertThat(ledger).contains("oncall").doesNotContain("XXXXSECRET").doesNotContain("TOKEN123")
                .doesNotContain("/services/");
    }

    @Test
    @Order(9)
    void aBrokenAlertmanagerConfigIsRefusedAndTheRunningOneStays() throws Exception {
        java.nio.file.Path file = NotificationTargets.directory().resolve("alertmanager.yml");
        String good = java.nio.file.Files.readString(file);
        try {
            java.nio.file.Files.writeString(file, good.replace("receiver: oncall", "receiver: on-call"));
            given().post("/api/v1/config/reload").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("alertmanager.yml:13"),
                            org.hamcrest.Matchers.containsString("undefined receiver \"on-call\"")));
        } finally {
            java.nio.file.Files.writeString(file, good);
        }
        int mails = NotificationTargets.smtp().getReceivedMessages().length;
        given().contentType("application/json").body("""
                [{"labels": {"alertname": "AfterRefusedReload", "service": "billing"}}]
                """).post("/api/v2/alerts").then().statusCode(200);
        await().atMost(WAIT).until(() -> NotificationTargets.smtp().getReceivedMessages().length > mails);
    }

    @Test
    @Order(10)
    void serverErrorsAreRetriedWithBackoffAndANotFoundWebhookIsAPermanentFailure() {
        given().contentType("application/json").body("""
                [{"labels": {"alertname": "Flaky", "channel": "flaky"}},
                 {"labels": {"alertname": "Dead", "channel": "dead"}}]
                """).post("/api/v2/alerts").then().statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/notifications?receiver=flaky-slack").then()
                .body("outcome", org.hamcrest.Matchers.contains("delivered", "retrying", "retrying"))
                .body("httpStatus", org.hamcrest.Matchers.contains(200, 500, 500))
                .body("attempt", org.hamcrest.Matchers.contains(3, 2, 1))
                .body("error[1]", org.hamcrest.Matchers.equalTo("serverError: rollup_error")));
        List<LoggedRequest> flaky = NotificationTargets.http().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/services/flaky")));
        // backoff: 500 ms then 750 ms, each with ±50 % jitter
        assertThat(Duration.between(flaky.get(0).getLoggedDate().toInstant(), flaky.get(1).getLoggedDate().toInstant()))
                .isBetween(Duration.ofMillis(240), Duration.ofMillis(1500));
        assertThat(Duration.between(flaky.get(1).getLoggedDate().toInstant(), flaky.get(2).getLoggedDate().toInstant()))
                .isBetween(Duration.ofMillis(360), Duration.ofMillis(2000));

        // A permanent failure is recorded once per message, and the log forgets it: the group's next flush
        // (group_interval 1s here) decides again, as Alertmanager would, rather than staying quiet for hours.
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/notifications?receiver=dead-slack").then()
                .body("outcome", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("failed")))
                .body("httpStatus", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(404)))
                .body("attempt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(1)))
                .body("reason", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("first_notification")))
                .body("error[0]", org.hamcrest.Matchers.equalTo("clientError: no_service"))
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
    }

    private static List<LoggedRequest> slackRequests() {
        return NotificationTargets.http().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(NotificationTargets.SLACK_PATH)));
    }

    private static List<LoggedRequest> webhookRequests() {
        return NotificationTargets.http().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/webhook")));
    }
}
