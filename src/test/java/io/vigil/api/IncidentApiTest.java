package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The incident API as a person on call uses it, with alerts posted to {@code /api/v2/alerts} as Prometheus would:
 * they open incidents (grouped by alertname, the group_by of Vigil's routing without an Alertmanager config),
 * people acknowledge, comment and resolve, and what the status does not allow is refused with 409.
 */
@QuarkusTest
class IncidentApiTest {

    @Test
    void anAlertPostedToTheApiOpensAnIncidentThatPeopleHandle() {
        long id = open("PaymentsDown", "payments");
        JsonPath incident = given().get("/api/v1/incidents/" + id).jsonPath();
        assertThat(incident.getString("status")).isEqualTo("triggered");
        assertThat(incident.getString("title")).isEqualTo("PaymentsDown is failing for payments");
        assertThat(incident.getMap("groupLabels")).isEqualTo(Map.of("alertname", "PaymentsDown"));
        assertThat(incident.getString("alerts[0].state")).isEqualTo("firing");
        assertThat(incident.getString("alerts[0].value")).as("API alerts carry no value").isNull();
        assertThat(incident.getString("timeline[0].kind")).isEqualTo("alert_fired");
        assertThat(incident.getString("timeline[0].actor")).isEqualTo("rule:PaymentsDown");

        given().contentType(ContentType.JSON).body("{\"by\": \"alice\"}").post("/api/v1/incidents/" + id
                + "/acknowledge").then().statusCode(200).body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", equalTo("alice"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/incidents/" + id + "/acknowledge").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("incident " + id + " is already acknowledged by alice"));
        given().contentType(ContentType.JSON).body("{\"text\": \"card processor is timing out\"}")
                .post("/api/v1/incidents/" + id + "/comments").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"comment\": \"failed over to the backup processor\"}")
                .post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved")).body("resolvedBy", equalTo("tester"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/incidents/" + id + "/resolve").then()
                .statusCode(409).body("detail", equalTo("incident " + id + " is already resolved"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/incidents/" + id + "/acknowledge").then()
                .statusCode(409).body("detail", equalTo("incident " + id + " is resolved"));

        JsonPath done = given().get("/api/v1/incidents/" + id).jsonPath();
        List<Map<String, Object>> timeline = done.getList("timeline");
        assertThat(timeline).extracting(e -> e.get("kind"), e -> e.get("actor")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alert_fired", "rule:PaymentsDown"),
                org.assertj.core.groups.Tuple.tuple("acknowledged", "user:alice"),
                org.assertj.core.groups.Tuple.tuple("commented", "user:tester"),
                org.assertj.core.groups.Tuple.tuple("resolved", "user:tester"));
        assertThat(done.getMap("timeline[2].detail")).isEqualTo(Map.of("text", "card processor is timing out"));
        assertThat(done.getMap("timeline[3].detail")).isEqualTo(Map.of("comment",
                "failed over to the backup processor", "alertsStillFiring", 1));
    }

    @Test
    void anAlertPostedAsResolvedResolvesItsIncident() {
        long id = open("QueueBacklog", "orders");
        postAlert("QueueBacklog", "orders", Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "resolved".equals(given().get("/api/v1/incidents/" + id)
                .jsonPath().getString("status")));
        JsonPath incident = given().get("/api/v1/incidents/" + id).jsonPath();
        assertThat(incident.getList("timeline.kind")).containsExactly("alert_fired", "alert_resolved", "resolved");
        assertThat(incident.getString("resolvedBy")).isEqualTo("system");
        assertThat(incident.getString("alerts[0].state")).isEqualTo("resolved");
    }

    @Test
    void listsAreFilteredByStatusAndPaged() {
        long id = open("ListedDown", "listing");
        List<Integer> triggered = given().get("/api/v1/incidents?status=triggered&limit=1000").jsonPath()
                .getList("id");
        assertThat(triggered).contains((int) id);
        assertThat(given().get("/api/v1/incidents?status=resolved&limit=1000").jsonPath().getList("id", Integer.class))
                .doesNotContain((int) id);
        given().get("/api/v1/incidents?limit=1").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].timeline", nullValue());
        given().get("/api/v1/incidents?limit=0").then().statusCode(400);
    }

    @Test
    void badRequestsNameTheField() {
        long id = open("BadRequests", "requests");
        given().contentType(ContentType.JSON).body("{\"by\": \"" + "x".repeat(256) + "\"}")
                .post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(400)
                .body("detail", equalTo("by: at most 255 characters"));
        given().contentType(ContentType.JSON).body("{\"text\": \"  \"}").post("/api/v1/incidents/" + id + "/comments")
                .then().statusCode(400).body("detail", equalTo("text: required and not blank"));
        given().contentType(ContentType.JSON).body("{\"txt\": \"typo\"}").post("/api/v1/incidents/" + id + "/comments")
                .then().statusCode(400).body("detail", equalTo("text: required and not blank"));
        given().get("/api/v1/incidents/abc").then().statusCode(404)
                .body("detail", equalTo("incident: no incident \"abc\"; ids are numbers"));
        given().header("Authorization", "").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(401);
    }

    private static long open(String alertname, String service) {
        postAlert(alertname, service, null);
        String ours = "find { it.groupLabels.alertname == '" + alertname + "' }";
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/incidents?status=triggered&limit=1000")
                .jsonPath().get(ours) != null);
        return given().get("/api/v1/incidents?status=triggered&limit=1000").jsonPath().getLong(ours + ".id");
    }

    private static void postAlert(String alertname, String service, Instant endsAt) {
        String ends = endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"";
        given().contentType(ContentType.JSON).body("""
                [{"labels": {"alertname": "%1$s", "service": "%2$s"},
                  "annotations": {"summary": "%1$s is failing for %2$s"},
                  "startsAt": "%3$s"%4$s}]
                """.formatted(alertname, service, Instant.now().minusSeconds(5), ends))
                .post("/api/v2/alerts").then().statusCode(200);
    }
}
