package io.vigil.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.testsupport.NotificationTargets;

/**
 * With {@code incidents.group_by: [service]} finer than the route's {@code group_by: [alertname]}, one webhook carries
 * the alerts of two incidents: each incident's timeline shows that delivery, and the ledger finds it by either.
 */
@QuarkusTest
@TestProfile(IncidentSplitTest.OwnDatabase.class)
@WithTestResource(value = NotificationTargets.class, initArgs = @ResourceArg(name = "config", value = "incident-split"))
class IncidentSplitTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.db.h2-url", "jdbc:h2:mem:incident-split;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Test
    void oneNotificationAboutTwoIncidentsShowsOnBothTimelines() {
        given().contentType(ContentType.JSON).body("""
                [{"labels": {"alertname": "HighErrorRate", "service": "cart"}, "startsAt": "%1$s"},
                 {"labels": {"alertname": "HighErrorRate", "service": "search"}, "startsAt": "%1$s"}]
                """.formatted(Instant.now())).post("/api/v2/alerts").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !NotificationTargets.http()
                .findAll(postRequestedFor(urlEqualTo("/webhook"))).isEmpty());
        JsonPath payload = JsonPath.from(NotificationTargets.http().findAll(postRequestedFor(urlEqualTo("/webhook")))
                .getFirst().getBodyAsString());
        assertThat(payload.getList("alerts")).hasSize(2);

        List<Map<String, Object>> incidents = given().get("/api/v1/incidents").jsonPath().getList("$");
        assertThat(incidents).extracting(i -> i.get("groupLabels")).containsExactlyInAnyOrder(
                Map.of("service", "cart"), Map.of("service", "search"));
        for (Map<String, Object> incident : incidents) {
            Object id = incident.get("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/incidents/" + id).jsonPath()
                    .getList("timeline.kind").contains("notification_sent"));
            assertThat(given().get("/api/v1/notifications?incident=" + id).jsonPath().getList("outcome"))
                    .containsExactly("delivered");
        }
    }
}
