package io.vigil.probe.statuspage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Status pages in both formats, read through Vigil's API and /q/metrics, and the ways reading one goes wrong. */
@QuarkusTest
@TestProfile(StatusProbesProfile.class)
@WithTestResource(StatusTargets.class)
class StatuspageProbeTest {

    @Test
    void aStatuspageSummaryWithADegradedComponentIsMinorAndTheRunSucceeds() {
        pages().stubFor(get("/sendgrid/api/v2/summary.json").willReturn(okJson(fixture("sendgrid-degraded.json"))));

        JsonPath run = run("sendgrid-status");

        assertThat(run.getBoolean("success")).isTrue();
        assertThat(run.getString("error")).isNull();
        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "sendgrid-status")).containsExactly(
                "probe_statuspage_indicator{probe=\"sendgrid-status\",service=\"email\",type=\"statuspage\"} 1.0");
        assertThat(ProbeMetrics.lines("probe_statuspage_component_up", "sendgrid-status")).containsExactlyInAnyOrder(
                "probe_statuspage_component_up{component=\"Mail Sending\",probe=\"sendgrid-status\",service=\"email\","
                        + "type=\"statuspage\"} 0.0",
                "probe_statuspage_component_up{component=\"API\",probe=\"sendgrid-status\",service=\"email\","
                        + "type=\"statuspage\"} 1.0",
                "probe_statuspage_component_up{component=\"Marketing Campaigns\",probe=\"sendgrid-status\","
                        + "service=\"email\",type=\"statuspage\"} 1.0");
        assertThat(ProbeMetrics.lines("probe_success", "sendgrid-status")).containsExactly(
                "probe_success{probe=\"sendgrid-status\",service=\"email\",type=\"statuspage\"} 1.0");
    }

    @Test
    void herokusOwnFormatIsRecognisedAndARedSystemIsCritical() {
        pages().stubFor(get("/api/v4/current-status").willReturn(okJson(fixture("heroku-incident.json"))));

        assertThat(run("heroku-status").getBoolean("success")).isTrue();

        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "heroku-status")).containsExactly(
                "probe_statuspage_indicator{probe=\"heroku-status\",type=\"statuspage\"} 3.0");
        assertThat(ProbeMetrics.lines("probe_statuspage_component_up", "heroku-status")).containsExactlyInAnyOrder(
                "probe_statuspage_component_up{component=\"Apps\",probe=\"heroku-status\",type=\"statuspage\"} 0.0",
                "probe_statuspage_component_up{component=\"Data\",probe=\"heroku-status\",type=\"statuspage\"} 1.0",
                "probe_statuspage_component_up{component=\"Tools\",probe=\"heroku-status\",type=\"statuspage\"} 0.0");
    }

    @Test
    void a429IsRetriedOnceAfterItsRetryAfter() {
        String path = "/netlify/api/v2/summary.json";
        pages().stubFor(get(path).inScenario("netlify").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("served"));
        pages().stubFor(get(path).inScenario("netlify").whenScenarioStateIs("served")
                .willReturn(okJson(fixture("netlify-maintenance.json"))));
        pages().setScenarioState("netlify", Scenario.STARTED);
        int before = pages().countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();

        JsonPath run = run("netlify-status");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(pages().countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount())
                .isEqualTo(before + 2);
        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "netlify-status")).containsExactly(
                "probe_statuspage_indicator{probe=\"netlify-status\",type=\"statuspage\"} 1.0");
        assertThat(ProbeMetrics.lines("probe_statuspage_component_up", "netlify-status")).containsExactlyInAnyOrder(
                "probe_statuspage_component_up{component=\"Builds\",probe=\"netlify-status\",type=\"statuspage\"} 0.0",
                "probe_statuspage_component_up{component=\"Origin Servers\",probe=\"netlify-status\","
                        + "type=\"statuspage\"} 1.0");
    }

    @Test
    void a500FailsTheRunAndLeavesNoIndicator() {
        pages().stubFor(get("/supabase/api/v2/summary.json")
                .willReturn(aResponse().withStatus(500).withBody("upstream connect error")));

        JsonPath run = run("supabase-status");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo(
                "127.0.0.1 answered HTTP 500 on /supabase/api/v2/summary.json: upstream connect error");
        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "supabase-status")).isEmpty();
        assertThat(ProbeMetrics.lines("probe_success", "supabase-status")).containsExactly(
                "probe_success{probe=\"supabase-status\",type=\"statuspage\"} 0.0");
    }

    @Test
    void aPageSlowerThanTheTimeoutFailsTheRun() {
        pages().stubFor(get("/slow/api/v2/summary.json")
                .willReturn(okJson(fixture("github-major.json")).withFixedDelay(3_000)));

        JsonPath run = run("slow-status");

        assertThat(run.getBoolean("success")).isFalse();
        // whichever notices first: the request's own timeout or the runner's
        assertThat(run.getString("error")).isIn("127.0.0.1 timed out on /slow/api/v2/summary.json",
                "timed out after 1s");
        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "slow-status")).isEmpty();
    }

    @Test
    void malformedJsonFailsTheRunSayingSo() {
        pages().stubFor(get("/garbled/api/v2/summary.json").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":{\"indicator\":\"none\"")));

        JsonPath run = run("garbled-status");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("127.0.0.1 answered malformed JSON on /garbled/api/v2/summary.json");
        assertThat(ProbeMetrics.lines("probe_statuspage_indicator", "garbled-status")).isEmpty();
    }

    @Test
    void aBodyOfAnotherShapeFailsTheRunNamingBothFormats() {
        pages().stubFor(get("/garbled/api/v2/summary.json")
                .willReturn(okJson("{\"status\":\"ok\",\"active_incidents\":[]}")));

        JsonPath run = run("garbled-status");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("the body is neither a Statuspage summary (status.indicator and "
                + "components) nor Heroku's current status (status[].system and status[].status)");
    }

    private static JsonPath run(String probe) {
        return given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static WireMockServer pages() {
        return StatusTargets.pages();
    }

    static String fixture(String name) {
        try (InputStream in = StatuspageProbeTest.class.getResourceAsStream("/statuspage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
