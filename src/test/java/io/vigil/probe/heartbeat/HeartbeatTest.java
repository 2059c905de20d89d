package io.vigil.probe.heartbeat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vigil.testsupport.ShiftedClock;

/**
 * A nightly job pushes its heartbeat with its probe's own token; the probe is green while the last push is within
 * max_silence and red, with the silence in its error, once it is not. Before the first push, the job has max_silence
 * from when Vigil began watching it. API tokens do not work here, and the probe's
 * token shows up nowhere.
 */
@QuarkusTest
@TestProfile(HeartbeatTest.HeartbeatProbes.class)
class HeartbeatTest {

    private static final String TOKEN = "hb-secret-token-4711";

    public static class HeartbeatProbes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "src/test/resources/heartbeat/vigil.yaml", "HB_TOKEN", TOKEN,
                    "vigil.db.h2-url", "jdbc:h2:mem:heartbeat;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ShiftedClock.class);
        }
    }

    @Inject
    ShiftedClock clock;

    @Test
    void aPushWithTheProbesTokenKeepsItGreenUntilMaxSilencePasses() {
        // Not pushed yet, but Vigil has watched it for less than max_silence: not an outage.
        JsonPath before = given().post("/api/v1/probes/nightly-backup/run").jsonPath();
        assertThat(before.getBoolean("success")).isTrue();
        assertThat(before.getList("samples.metric")).doesNotContain("probe_heartbeat_last_seen_timestamp_seconds");
        clock.advance(Duration.ofSeconds(90));
        JsonPath never = given().post("/api/v1/probes/nightly-backup/run").jsonPath();
        assertThat(never.getBoolean("success")).isFalse();
        // Watching began when the application started, a moment before this test.
        assertThat(never.getString("error")).matches("no heartbeat received in the 1m3\\ds since Vigil began "
                + "watching \\(max_silence 1m\\): POST /api/v1/heartbeats/nightly-backup");

        given().header("Authorization", "").post("/api/v1/heartbeats/nightly-backup").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"vigil\"")
                .body("detail", equalTo("Authorization: the heartbeat probe's own token is required"));
        // The API token of the test profile is not the probe's.
        given().post("/api/v1/heartbeats/nightly-backup").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TOKEN).post("/api/v1/heartbeats/no-such-job").then()
                .statusCode(404).body("detail", equalTo("name: no heartbeat probe \"no-such-job\""));

        JsonPath pushed = given().header("Authorization", "Bearer " + TOKEN).post("/api/v1/heartbeats/nightly-backup")
                .then().statusCode(200).extract().jsonPath();
        assertThat(pushed.getBoolean("success")).isTrue();
        Instant seen = Instant.parse(pushed.getString("lastSeenAt"));
        String metrics = given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString();
        Matcher sample = Pattern.compile("probe_heartbeat_last_seen_timestamp_seconds\\{[^}]*probe=\"nightly-backup\""
                + "[^}]*} (\\S+)").matcher(metrics);
        assertThat(sample.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(sample.group(1))).isCloseTo(seen.toEpochMilli() / 1000.0, within(0.001));

        clock.advance(Duration.ofSeconds(90));
        JsonPath late = given().post("/api/v1/probes/nightly-backup/run").jsonPath();
        assertThat(late.getBoolean("success")).isFalse();
        assertThat(late.getString("error")).isEqualTo("no heartbeat for 1m30s (max_silence 1m)");

        given().header("Authorization", "Bearer " + TOKEN).post("/api/v1/heartbeats/nightly-backup").then()
                .statusCode(200).body("success", equalTo(true));
        assertThat(given().get("/api/v1/probes/nightly-backup").asString()).doesNotContain(TOKEN);
        assertThat(given().get("/api/v1/probes").asString()).doesNotContain(TOKEN);
        assertThat(given().get("/q/metrics").asString()).doesNotContain(TOKEN);
    }
}
