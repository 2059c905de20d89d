package io.vigil.probe.rdap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vigil.probe.statuspage.ProbeMetrics;
import io.vigil.probe.statuspage.StatusProbesProfile;
import io.vigil.probe.statuspage.StatusTargets;

/**
 * Domain expiry through rdap.org's bootstrap redirect to a registry on another host and port, as a user's rules see
 * it on /q/metrics: a known expiry, an unknown one, an unregistered domain, rate limiting and a failing registry.
 */
@QuarkusTest
@TestProfile(StatusProbesProfile.class)
@WithTestResource(StatusTargets.class)
class RdapProbeTest {

    @Test
    void theBootstrapRedirectIsFollowedToTheRegistryAndTheExpirationExported() {
        bootstrap("example.com", "/com/v1/domain/example.com");
        registry().stubFor(get("/com/v1/domain/example.com").willReturn(rdapJson(200, "verisign-example-com.json")));

        JsonPath run = run("example-com-expiry");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(ProbeMetrics.lines("probe_domain_expiry_timestamp_seconds", "example-com-expiry")).hasSize(1)
                .allSatisfy(line -> {
                    assertThat(line).startsWith("probe_domain_expiry_timestamp_seconds{probe=\"example-com-expiry\","
                            + "service=\"web\",type=\"rdap\"} ");
                    assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                            .isEqualTo(Instant.parse("2027-08-13T04:00:00Z").getEpochSecond());
                });
        registry().verify(getRequestedFor(urlEqualTo("/com/v1/domain/example.com")));
    }

    @Test
    void aRegistryWithoutAnExpirationDateGivesNoExpiryAndSaysWhy() {
        bootstrap("beispiel.de", "/de/domain/beispiel.de");
        registry().stubFor(get("/de/domain/beispiel.de").willReturn(rdapJson(200, "denic-no-expiration.json")));

        JsonPath run = run("beispiel-de-expiry");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo(
                "the registry of beispiel.de publishes no expiration date in RDAP, so its expiry is unknown");
        assertThat(ProbeMetrics.lines("probe_domain_expiry_timestamp_seconds", "beispiel-de-expiry")).isEmpty();
        assertThat(ProbeMetrics.lines("probe_success", "beispiel-de-expiry")).containsExactly(
                "probe_success{probe=\"beispiel-de-expiry\",type=\"rdap\"} 0.0");
    }

    @Test
    void a404MeansTheDomainIsNotFound() {
        bootstrap("never-registered-4711.com", "/com/v1/domain/never-registered-4711.com");
        registry().stubFor(get("/com/v1/domain/never-registered-4711.com").willReturn(rdapJson(404, "not-found.json")));

        JsonPath run = run("unregistered-expiry");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("RDAP has no record of never-registered-4711.com (HTTP 404): "
                + "it is not registered, is a subdomain rather than the registered name, or its TLD has no RDAP service");
        assertThat(ProbeMetrics.lines("probe_domain_expiry_timestamp_seconds", "unregistered-expiry")).isEmpty();
    }

    @Test
    void rdapOrgsRateLimitIsWaitedOutOnce() {
        String path = "/domain/example.net";
        pages().stubFor(get(path).inScenario("rdap.org").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("cooled"));
        pages().stubFor(get(path).inScenario("rdap.org").whenScenarioStateIs("cooled")
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", StatusTargets.registryUrl() + "/net/v1/domain/example.net")));
        pages().setScenarioState("rdap.org", Scenario.STARTED);
        registry().stubFor(get("/net/v1/domain/example.net").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rdap+json").withBody("{\"objectClassName\":\"domain\","
                        + "\"ldhName\":\"EXAMPLE.NET\",\"events\":[{\"eventAction\":\"expiration\","
                        + "\"eventDate\":\"2027-08-30T04:00:00Z\"}]}")));
        int before = pages().countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();

        JsonPath run = run("busy-expiry");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(pages().countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount())
                .isEqualTo(before + 2);
        assertThat(ProbeMetrics.lines("probe_domain_expiry_timestamp_seconds", "busy-expiry")).containsExactly(
                "probe_domain_expiry_timestamp_seconds{probe=\"busy-expiry\",type=\"rdap\"} "
                        + (double) Instant.parse("2027-08-30T04:00:00Z").getEpochSecond());
    }

    @Test
    void aFailingRegistryFailsTheRunWithItsStatus() {
        bootstrap("example.org", "/org/domain/example.org");
        registry().stubFor(get("/org/domain/example.org").willReturn(aResponse().withStatus(503)));

        JsonPath run = run("failing-expiry");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("RDAP answered HTTP 503 on /org/domain/example.org");
    }

    /** rdap.org's answer: 302 to the registry, with an empty body. */
    private static void bootstrap(String domain, String registryPath) {
        pages().stubFor(get("/domain/" + domain).willReturn(aResponse().withStatus(302)
                .withHeader("Location", StatusTargets.registryUrl() + registryPath)));
    }

    private static ResponseDefinitionBuilder rdapJson(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/rdap+json")
                .withBody(fixture(fixture));
    }

    private static JsonPath run(String probe) {
        return given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static WireMockServer pages() {
        return StatusTargets.pages();
    }

    private static WireMockServer registry() {
        return StatusTargets.registry();
    }

    private static String fixture(String name) {
        try (InputStream in = RdapProbeTest.class.getResourceAsStream("/rdap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
