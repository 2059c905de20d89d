package io.vigil.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.testsupport.NotificationTargets;
import io.vigil.testsupport.ShiftedClock;

/**
 * The whole story of an outage, as the people on call see it: the storefront's checkout probe fails, its alert
 * fires, an incident opens, Slack answers 429 and then takes the message, nobody acknowledges for 15 minutes (the
 * clock is moved, not waited for) so the incident is escalated by email, someone acknowledges it, a deploy is
 * recorded, the probe recovers and the incident resolves. The timeline and the postmortem tell exactly that.
 */
@QuarkusTest
@TestProfile(IncidentsEndToEndTest.MovableClock.class)
@WithTestResource(value = NotificationTargets.class, initArgs = @ResourceArg(name = "config", value = "incident-e2e"))
class IncidentsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class MovableClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ShiftedClock.class);
        }

        /** A database of its own: the shared in-memory one holds other tests' incidents, whose metrics would mix in. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.db.h2-url", "jdbc:h2:mem:incident-e2e;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Inject
    ShiftedClock clock;

    @Inject
    IncidentService incidents;

    @Test
    void fromAFailingProbeToAResolvedIncidentWithItsWholeTimeline() throws Exception {
        Instant started = clock.instant();
        deploy("storefront", "v2.4.0", started.minus(Duration.ofHours(2)));
        deploy("payments", "v9", started.minus(Duration.ofMinutes(10)));
        deploy("storefront", "v2.4.1", started.minus(Duration.ofMinutes(20)));

        // Other tests' incidents may be in the in-memory H2 database, which outlives their application.
        String ours = "find { it.groupLabels.service == 'storefront' }";
        await().atMost(WAIT).until(() -> given().get("/api/v1/incidents?status=triggered").jsonPath()
                .get(ours) != null);
        JsonPath opened = given().get("/api/v1/incidents?status=triggered").jsonPath();
        long id = opened.getLong(ours + ".id");
        assertThat(opened.getString(ours + ".title")).isEqualTo("Checkout is down");
        assertThat(opened.getMap(ours + ".groupLabels")).isEqualTo(Map.of("service", "storefront"));

        await().atMost(WAIT).until(() -> slackRequests().size() >= 2);
        JsonPath slack = JsonPath.from(slackRequests().get(1).getBodyAsString());
        assertThat(slack.getString("attachments[0].text")).contains("http://vigil.example.test/api/v1/incidents/" + id);

        advanceKeepingTheProbeRunning(Duration.ofMinutes(16));
        incidents.tick();
        await().atMost(WAIT).until(() -> mailsAbout(id).size() == 1);
        MimeMessage escalation = mailsAbout(id).getFirst();
        assertThat(escalation.getSubject()).startsWith("[FIRING:1] storefront");
        assertThat(escalation.getAllRecipients()[0].toString()).isEqualTo("oncall@example.test");
        await().atMost(WAIT).until(() -> kinds(id).stream().filter("notification_sent"::equals).count() == 2);

        given().contentType(ContentType.JSON).body("{\"comment\": \"rolling back v2.4.1\"}")
                .post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo("tester"));
        // The second escalation (after 20 minutes) is not sent: someone has it.
        advanceKeepingTheProbeRunning(Duration.ofMinutes(5));
        incidents.tick();
        deploy("storefront", "v2.4.0", null);

        NotificationTargets.recover();
        await().atMost(WAIT).until(() -> "resolved".equals(given().get("/api/v1/incidents/" + id).jsonPath()
                .getString("status")));

        JsonPath incident = given().get("/api/v1/incidents/" + id).jsonPath();
        List<Map<String, Object>> timeline = incident.getList("timeline");
        assertThat(timeline).extracting(e -> e.get("kind")).containsExactly("deployed", "alert_fired",
                "notification_failed", "notification_sent", "escalated", "notification_sent", "acknowledged",
                "deployed", "alert_resolved", "resolved");
        assertThat(timeline).extracting(e -> e.get("actor")).containsExactly("user:tester", "rule:CheckoutDown",
                "system", "system", "system", "system", "user:tester", "user:tester", "rule:CheckoutDown", "system");
        assertThat(detail(incident, 0)).containsEntry("version", "v2.4.1");
        assertThat(incident.getMap("timeline[1].detail.labels")).containsEntry("alertname", "CheckoutDown")
                .containsEntry("service", "storefront").containsEntry("severity", "critical")
                .containsEntry("env", "test");
        assertThat(incident.getDouble("timeline[1].detail.value")).isEqualTo(0.0);
        assertThat(detail(incident, 2)).containsEntry("receiver", "oncall-slack").containsEntry("integration", "slack")
                .containsEntry("outcome", "retrying").containsEntry("httpStatus", 429).containsEntry("attempt", 1);
        assertThat(detail(incident, 3)).containsEntry("receiver", "oncall-slack").containsEntry("outcome", "delivered")
                .containsEntry("httpStatus", 200).containsEntry("attempt", 2);
        assertThat(detail(incident, 4)).containsEntry("receiver", "oncall-email").containsEntry("after", 900);
        assertThat(detail(incident, 5)).containsEntry("receiver", "oncall-email").containsEntry("integration", "email")
                .containsEntry("outcome", "delivered").containsEntry("attempt", 1);
        assertThat(detail(incident, 6)).containsEntry("comment", "rolling back v2.4.1");
        assertThat(detail(incident, 7)).containsEntry("version", "v2.4.0").containsEntry("service", "storefront");
        assertThat(detail(incident, 9)).containsEntry("reason", "all alerts resolved");
        assertThat(incident.getString("acknowledgedBy")).isEqualTo("tester");
        assertThat(incident.getString("alerts[0].state")).isEqualTo("resolved");
        assertThat(mailsAbout(id)).hasSize(1);

        List<Map<String, Object>> ledger = given().get("/api/v1/notifications?incident=" + id).jsonPath().getList("$");
        assertThat(ledger).hasSize(3).allSatisfy(line -> assertThat(line).containsEntry("incidentId", (int) id));

        String postmortem = given().get("/api/v1/incidents/" + id + "/postmortem").then().statusCode(200)
                .contentType(startsWith("text/markdown")).extract().asString();
        assertThat(postmortem).startsWith("# Postmortem: Checkout is down\n")
                .contains("- **Probes affected:** checkout\n", "- **Services affected:** storefront\n",
                        "- **Time to acknowledge:** 16m ", "(by tester)", "- **Escalations:** 1\n",
                        "| escalated | system | to oncall-email after 9", "| deployed | user:tester | storefront v2.4.1",
                        "## Root cause", "## Follow-ups")
                .doesNotContain("v9");
        assertThat(postmortem.lines().filter(l -> l.startsWith("| 20"))).hasSize(10);

        String metrics = given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString();
        assertThat(metrics).contains("vigil_incidents_open 0.0")
                .contains("vigil_incident_time_to_acknowledge_seconds_count 1.0")
                .contains("vigil_incident_time_to_resolve_seconds_count 1.0");
    }

    @Test
    void answersWhatIsWrongWithARequest() {
        given().get("/api/v1/incidents/999999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("incident: no incident 999999"));
        given().get("/api/v1/incidents?status=open").then().statusCode(400)
                .body("detail", containsString("status must be one of"));
        given().get("/api/v1/notifications?incident=999999").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"text\": \"\"}").post("/api/v1/incidents/999999/comments")
                .then().statusCode(404);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/incidents/1/acknowledge").then().statusCode(403);
    }

    /**
     * Moves the clock in steps shorter than PromQL's 5-minute lookback and lets the probe run after each, as it would
     * have: one jump of 16 minutes would leave the alert's series stale and resolve it.
     */
    private void advanceKeepingTheProbeRunning(Duration total) {
        Duration step = Duration.ofMinutes(4);
        for (Duration moved = Duration.ZERO; moved.compareTo(total) < 0; moved = moved.plus(step)) {
            Duration by = total.minus(moved).compareTo(step) < 0 ? total.minus(moved) : step;
            clock.advance(by);
            Instant jumped = clock.instant();
            await().atMost(WAIT).until(() -> Instant.parse(given().get("/api/v1/probes/checkout").jsonPath()
                    .getString("lastResult.at")).isAfter(jumped));
        }
    }

    private static Map<String, Object> detail(JsonPath incident, int entry) {
        return incident.getMap("timeline[" + entry + "].detail");
    }

    /** The mails that link to incident {@code id}. */
    private static List<MimeMessage> mailsAbout(long id) {
        Pattern link = Pattern.compile(Pattern.quote("http://vigil.example.test/api/v1/incidents/" + id) + "(?!\\d)");
        return Arrays.stream(NotificationTargets.smtp().getReceivedMessages())
                .filter(m -> link.matcher(GreenMailUtil.getBody(m)).find()).toList();
    }

    private static List<String> kinds(long id) {
        return given().get("/api/v1/incidents/" + id).jsonPath().getList("timeline.kind");
    }

    private static void deploy(String service, String version, Instant at) {
        String when = at == null ? "" : ", \"at\": \"" + at + "\"";
        given().contentType(ContentType.JSON).body("{\"service\": \"" + service + "\", \"version\": \"" + version
                + "\", \"environment\": \"test\"" + when + "}").post("/api/v1/deployments").then().statusCode(201);
    }

    private static List<LoggedRequest> slackRequests() {
        return NotificationTargets.http().findAll(postRequestedFor(urlEqualTo(NotificationTargets.SLACK_PATH)));
    }
}
