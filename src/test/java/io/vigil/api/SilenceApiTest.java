package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Silences through the API, in Alertmanager's v2 shapes, and the errors that name the bad field. */
@QuarkusTest
class SilenceApiTest {

    private static String silence(String matchers, Instant startsAt, Instant endsAt) {
        return """
                {"matchers": %s, "startsAt": "%s", "endsAt": "%s", "createdBy": "alice", "comment": "database migration"}
                """.formatted(matchers, startsAt, endsAt);
    }

    private static String create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/silences").then().statusCode(200)
                .body("silenceID", notNullValue()).extract().path("silenceID");
    }

    @Test
    void aSilenceIsCreatedListedAndExpired() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = create(silence("[{\"name\": \"service\", \"value\": \"checkout\", \"isRegex\": false}]",
                now.minusSeconds(60), now.plusSeconds(3600)));

        given().get("/api/v1/silences/" + id).then().statusCode(200)
                .body("status.state", equalTo("active"))
                .body("matchers[0].name", equalTo("service"))
                .body("matchers[0].isEqual", equalTo(true))
                .body("createdBy", equalTo("alice"))
                .body("endsAt", equalTo(now.plusSeconds(3600).toString()));
        given().get("/api/v1/silences?state=active").then().body("id", hasItem(id));

        given().delete("/api/v1/silences/" + id).then().statusCode(204);
        given().get("/api/v1/silences/" + id).then().body("status.state", equalTo("expired"));
        given().get("/api/v1/silences?state=active").then().body("id", not(hasItem(id)));
    }

    @Test
    void aFutureSilenceIsPendingAndChangingAnActiveOnesMatchersReplacesIt() {
        Instant now = Instant.now();
        String pending = create(silence("[{\"name\": \"team\", \"value\": \"db\"}]", now.plusSeconds(600),
                now.plusSeconds(1200)));
        given().get("/api/v1/silences/" + pending).then().body("status.state", equalTo("pending"));

        String active = create(silence("[{\"name\": \"team\", \"value\": \"db\"}]", now, now.plusSeconds(600)));
        String replaced = create("""
                {"id": "%s", "matchers": [{"name": "team", "value": "db|web", "isRegex": true}],
                 "startsAt": "%s", "endsAt": "%s", "createdBy": "bob", "comment": "widened"}
                """.formatted(active, now, now.plusSeconds(600)));
        org.assertj.core.api.Assertions.assertThat(replaced).isNotEqualTo(active);
        given().get("/api/v1/silences/" + active).then().body("status.state", equalTo("expired"));
        given().get("/api/v1/silences/" + replaced).then().body("status.state", equalTo("active"))
                .body("matchers[0].isRegex", equalTo(true));
    }

    @Test
    void invalidSilencesAreRefusedNamingTheField() {
        Instant now = Instant.now();
        refused(silence("[]", now, now.plusSeconds(60)), "matchers: at least one matcher is required");
        refused(silence("[{\"name\": \"a\", \"value\": \"\"}]", now, now.plusSeconds(60)),
                "matchers: at least one matcher must not match the empty string");
        refused(silence("[{\"name\": \"a\", \"value\": \"(\", \"isRegex\": true}]", now, now.plusSeconds(60)),
                "matchers[0].value: not a valid regular expression");
        refused(silence("[{\"name\": \"1a\", \"value\": \"x\"}]", now, now.plusSeconds(60)),
                "matchers[0].name: not a valid label name: \"1a\"");
        refused(silence("[{\"name\": \"a\", \"value\": \"x\"}]", now.minusSeconds(120), now.minusSeconds(60)),
                "endsAt: can't be in the past");
        refused(silence("[{\"name\": \"a\", \"value\": \"x\"}]", now.plusSeconds(60), now.plusSeconds(30)),
                "endsAt: must be after startsAt");
        refused("{\"matchers\": [{\"name\": \"a\", \"value\": \"x\"}], \"startsAt\": \"yesterday\"}", "startsAt: ");
        refused("""
                {"matchers": [{"name": "a", "value": "x"}], "startsAt": "%s", "endsAt": "%s", "comment": "c"}
                """.formatted(now, now.plusSeconds(60)), "createdBy: required");
    }

    @Test
    void unknownSilencesAreNotFound() {
        given().delete("/api/v1/silences/no-such-id").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("id: no silence with id \"no-such-id\""));
        given().get("/api/v1/silences/no-such-id").then().statusCode(404);
    }

    @Test
    void expiringAPendingSilenceEndsItNowAndEditingFollowsAlertmanager() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String pending = create(silence("[{\"name\": \"job\", \"value\": \"batch\"}]", now.plusSeconds(600),
                now.plusSeconds(1200)));
        given().delete("/api/v1/silences/" + pending).then().statusCode(204);
        given().get("/api/v1/silences/" + pending).then().body("status.state", equalTo("expired"));
        given().get("/api/v1/silences?state=pending").then().body("id", not(hasItem(pending)));

        // same matchers and start: an active silence is extended in place
        String active = create(silence("[{\"name\": \"job\", \"value\": \"batch\"}]", now.minusSeconds(60),
                now.plusSeconds(600)));
        String startsAt = given().get("/api/v1/silences/" + active).then().extract().path("startsAt");
        String extended = create("""
                {"id": "%s", "matchers": [{"name": "job", "value": "batch"}], "startsAt": "%s", "endsAt": "%s",
                 "createdBy": "alice", "comment": "longer"}
                """.formatted(active, startsAt, now.plusSeconds(7200)));
        org.assertj.core.api.Assertions.assertThat(extended).isEqualTo(active);
        given().get("/api/v1/silences/" + active).then().body("endsAt", equalTo(now.plusSeconds(7200).toString()))
                .body("comment", equalTo("longer"));

        // a pending silence whose matchers change is replaced, as Alertmanager's canUpdate wants
        String later = create(silence("[{\"name\": \"job\", \"value\": \"etl\"}]", now.plusSeconds(600),
                now.plusSeconds(1200)));
        String changed = create("""
                {"id": "%s", "matchers": [{"name": "job", "value": "etl2"}], "startsAt": "%s", "endsAt": "%s",
                 "createdBy": "alice", "comment": "renamed"}
                """.formatted(later, now.plusSeconds(600), now.plusSeconds(1200)));
        org.assertj.core.api.Assertions.assertThat(changed).isNotEqualTo(later);
        given().get("/api/v1/silences/" + later).then().body("status.state", equalTo("expired"));
        given().get("/api/v1/silences/" + changed).then().body("status.state", equalTo("pending"));
    }

    private static void refused(String body, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/silences").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith(detail));
    }
}
