package io.vigil.probe.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.vigil.probe.platform.PlatformFake.HEROKU_KEY;
import static io.vigil.probe.platform.PlatformFake.NETLIFY_KEY;
import static io.vigil.probe.platform.PlatformFake.REF;
import static io.vigil.probe.platform.PlatformFake.SITE;
import static io.vigil.probe.platform.PlatformFake.SUPABASE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The heroku, netlify and supabase probes against WireMock copies of their APIs, in one Quarkus start: exact samples
 * on /q/metrics, Heroku's Range paging, failing runs that name what failed, and each way an API can refuse or break
 * (401, 403, 429 then 200, 500, a hang, a body cut short) ending in a reason that never shows a key.
 */
@QuarkusTest
@TestProfile(PlatformProbesTest.PlatformProbes.class)
@WithTestResource(PlatformFake.class)
class PlatformProbesTest {

    private static final List<String> PROBES = List.of("heroku-acme", "heroku-revoked", "heroku-slow",
            "netlify-live", "netlify-broken", "netlify-forbidden", "netlify-garbled", "supabase-project",
            "supabase-throttled", "supabase-down");
    private static final List<String> KEYS = List.of(HEROKU_KEY, NETLIFY_KEY, SUPABASE_KEY);

    public static class PlatformProbes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "src/test/resources/platform/vigil.yaml",
                    "vigil.db.h2-url", "jdbc:h2:mem:platform;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Test
    void herokuDynosAreCountedOverBothRangePagesAndACrashFailsTheRun() {
        int before = requests("/heroku/apps/acme-api/dynos").size();

        JsonPath run = run("heroku-acme");

        assertThat(run.getBoolean("success")).as(run.prettify()).isFalse();
        assertThat(run.getString("error")).isEqualTo("1 dyno crashed: worker.1");
        assertThat(series("probe_heroku_", "heroku-acme")).containsExactlyInAnyOrder(
                "probe_heroku_dynos{probe=\"heroku-acme\",service=\"api\",state=\"up\",type=\"heroku\"} 2.0",
                "probe_heroku_dynos{probe=\"heroku-acme\",service=\"api\",state=\"crashed\",type=\"heroku\"} 1.0",
                "probe_heroku_dynos{probe=\"heroku-acme\",service=\"api\",state=\"idle\",type=\"heroku\"} 1.0",
                "probe_heroku_dynos{probe=\"heroku-acme\",service=\"api\",state=\"starting\",type=\"heroku\"} 1.0",
                "probe_heroku_dynos{probe=\"heroku-acme\",service=\"api\",state=\"down\",type=\"heroku\"} 0.0");
        assertThat(probeSuccess("heroku-acme")).isEqualTo("0.0");
        List<LoggedRequest> pages = requests("/heroku/apps/acme-api/dynos").subList(before, before + 2);
        assertThat(pages.get(0).containsHeader("Range")).isFalse();
        assertThat(pages.get(1).getHeader("Range")).isEqualTo(PlatformFake.NEXT_RANGE);
    }

    @Test
    void aRevokedHerokuTokenIsRefusedCredentials() {
        JsonPath run = run("heroku-revoked");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("Heroku refused the credentials (HTTP 401) on "
                + "/heroku-revoked/apps/acme-api/dynos: {\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}");
        assertThat(probeSuccess("heroku-revoked")).isEqualTo("0.0");
        assertThat(series("probe_heroku_", "heroku-revoked")).isEmpty();
    }

    @Test
    void aHangingHerokuTimesOutAtTheProbesTimeout() {
        JsonPath run = run("heroku-slow");

        assertThat(run.getBoolean("success")).isFalse();
        // The request's timeout and the runner's hard one end at the same deadline: either may say so first.
        assertThat(run.getString("error")).isIn("Heroku timed out on /heroku-slow/apps/acme-api/dynos",
                "timed out after 1s");
        assertThat(run.getDouble("durationSeconds")).isLessThan(3.0);
        assertThat(series("probe_heroku_", "heroku-slow")).isEmpty();
    }

    @Test
    void aReadyNetlifyDeploySucceedsWithItsStateAndCreationTime() {
        JsonPath run = run("netlify-live");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(series("probe_netlify_deploy_state", "netlify-live")).containsExactly(
                "probe_netlify_deploy_state{probe=\"netlify-live\",service=\"web\",state=\"ready\",type=\"netlify\"} 1.0");
        assertThat(value(series("probe_netlify_last_deploy_timestamp_seconds", "netlify-live")))
                .isEqualTo(Instant.parse("2026-11-27T11:02:13.500Z").toEpochMilli() / 1000.0);
        assertThat(probeSuccess("netlify-live")).isEqualTo("1.0");
    }

    @Test
    void aFailedNetlifyDeployFailsTheRunQuotingItsErrorMessage() {
        JsonPath run = run("netlify-broken");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("latest deploy 674702a1b2c3d4e5f6a7b8c9 failed (state error): "
                + "\"Build script returned non-zero exit code: 2\"");
        assertThat(series("probe_netlify_deploy_state", "netlify-broken")).containsExactly(
                "probe_netlify_deploy_state{probe=\"netlify-broken\",state=\"error\",type=\"netlify\"} 1.0");
        assertThat(value(series("probe_netlify_last_deploy_timestamp_seconds", "netlify-broken")))
                .isEqualTo(Instant.parse("2026-11-27T10:12:01.123Z").toEpochMilli() / 1000.0);
        assertThat(probeSuccess("netlify-broken")).isEqualTo("0.0");
    }

    @Test
    void aForbiddenNetlifyTokenIsRefusedWithoutEchoingIt() {
        JsonPath run = run("netlify-forbidden");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("Netlify refused the credentials (HTTP 403) on /netlify-forbidden"
                + "/api/v1/sites/" + SITE + "/deploys: {\"code\":403,\"message\":\"Forbidden: token [redacted] lacks "
                + "access to this site\"}");
        assertThat(series("probe_netlify_", "netlify-forbidden")).isEmpty();
    }

    @Test
    void aNetlifyListCutShortIsMalformedJson() {
        JsonPath run = run("netlify-garbled");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("Netlify answered malformed JSON on /netlify-garbled/api/v1/sites/"
                + SITE + "/deploys");
        assertThat(probeSuccess("netlify-garbled")).isEqualTo("0.0");
        assertThat(series("probe_netlify_", "netlify-garbled")).isEmpty();
    }

    @Test
    void anUnhealthySupabaseServiceIsExportedAndNamed() {
        JsonPath run = run("supabase-project");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("unhealthy: realtime (UNHEALTHY: timeout)");
        assertThat(series("probe_supabase_", "supabase-project")).containsExactlyInAnyOrder(
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"auth\",type=\"supabase\"} 1.0",
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"db\",type=\"supabase\"} 1.0",
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"pooler\",type=\"supabase\"} 1.0",
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"realtime\",type=\"supabase\"} 0.0",
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"rest\",type=\"supabase\"} 1.0",
                "probe_supabase_service_healthy{probe=\"supabase-project\",service=\"storage\",type=\"supabase\"} 1.0");
        assertThat(probeSuccess("supabase-project")).isEqualTo("0.0");
    }

    @Test
    void aSupabaseRateLimitIsWaitedOutOnceThenRead() {
        PlatformFake.server().setScenarioState(PlatformFake.SUPABASE_THROTTLED, Scenario.STARTED);
        String path = "/supabase-throttled/v1/projects/" + REF + "/health";
        int before = requests(path).size();

        JsonPath run = run("supabase-throttled");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(run.getDouble("durationSeconds")).isGreaterThanOrEqualTo(1.0);
        assertThat(requests(path)).hasSize(before + 2);
        assertThat(series("probe_supabase_", "supabase-throttled")).containsExactlyInAnyOrder(
                "probe_supabase_service_healthy{probe=\"supabase-throttled\",service=\"db\",type=\"supabase\"} 1.0",
                "probe_supabase_service_healthy{probe=\"supabase-throttled\",service=\"rest\",type=\"supabase\"} 1.0");
        assertThat(probeSuccess("supabase-throttled")).isEqualTo("1.0");
    }

    @Test
    void aSupabaseServerErrorFailsTheRunWithItsMessage() {
        JsonPath run = run("supabase-down");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("Supabase answered HTTP 500 on /supabase-down/v1/projects/" + REF
                + "/health: {\"message\":\"Internal Server Error\"}");
        assertThat(series("probe_supabase_", "supabase-down")).isEmpty();
    }

    @Test
    void noKeyAppearsInAnyAnswerOrMetric() {
        PlatformFake.server().setScenarioState(PlatformFake.SUPABASE_THROTTLED, Scenario.STARTED);
        for (String probe : PROBES) {
            String ran = given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().asString();
            String shown = given().get("/api/v1/probes/" + probe).then().statusCode(200).extract().asString();
            KEYS.forEach(key -> {
                assertThat(ran).doesNotContain(key);
                assertThat(shown).doesNotContain(key);
            });
        }
        String listed = given().get("/api/v1/probes").then().statusCode(200).extract().asString();
        String metrics = metrics();
        assertThat(listed).contains("netlify-forbidden");
        assertThat(metrics).contains("heroku-acme");
        KEYS.forEach(key -> {
            assertThat(listed).doesNotContain(key);
            assertThat(metrics).doesNotContain(key);
        });
    }

    private static JsonPath run(String probe) {
        return given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static List<LoggedRequest> requests(String path) {
        return PlatformFake.server().findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    /** The lines of {@code probe} on /q/metrics whose metric name starts with {@code prefix}. */
    private static List<String> series(String prefix, String probe) {
        return metrics().lines().map(line -> line.replace(",}", "}"))
                .filter(line -> line.startsWith(prefix) && line.contains("probe=\"" + probe + "\""))
                .toList();
    }

    private static double value(List<String> lines) {
        assertThat(lines).hasSize(1);
        String line = lines.getFirst();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String probeSuccess(String probe) {
        return series("probe_success{", probe).stream().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst().orElse("absent");
    }

    private static String metrics() {
        return given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }
}
