package io.vigil.probe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;

/** The rules every SaaS probe gets from ApiClient, against a real HTTP server. */
class ApiClientTest {

    private static final String KEY = "SG.live-key-0123456789";
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + KEY);
    private static WireMockServer server;
    private ApiClient client;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        client = TestApiClient.create(Clock.systemUTC());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private ApiResponse call(String path, Duration timeout) throws Exception {
        return client.get("SendGrid", uri(path), AUTH, new ProbeContext("p", timeout));
    }

    @Test
    void answersTheJsonOfA2xxAndSendsTheKeyInItsHeader() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v3/stats")).willReturn(okJson("[{\"date\": \"2026-11-26\"}]")
                .withHeader("X-RateLimit-Remaining", "599")));

        ApiResponse response = call("/v3/stats?start_date=2026-11-26", Duration.ofSeconds(5));

        assertThat(response.body().get(0).get("date").asText()).isEqualTo("2026-11-26");
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("599");
        server.verify(getRequestedFor(urlPathEqualTo("/v3/stats")).withHeader("Authorization",
                equalTo("Bearer " + KEY)).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void refusedCredentialsSaySoWithoutTheKeyEvenWhenTheBodyEchoesIt() {
        server.stubFor(get("/v3/stats").willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"authorization required for " + KEY + "\"}]}")));

        assertThatThrownBy(() -> call("/v3/stats", Duration.ofSeconds(5))).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("SendGrid refused the credentials (HTTP 401) on /v3/stats: ")
                .hasMessageContaining("authorization required for [redacted]").hasMessageNotContaining(KEY);
        server.stubFor(get("/v3/stats").willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> call("/v3/stats", Duration.ofSeconds(5)))
                .hasMessage("SendGrid refused the credentials (HTTP 403) on /v3/stats");
    }

    @Test
    void a429IsRetriedOnceAfterItsDelay() throws Exception {
        server.stubFor(get("/v3/stats").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        server.stubFor(get("/v3/stats").inScenario("limit").whenScenarioStateIs("open").willReturn(okJson("[]")));

        long started = System.nanoTime();
        assertThat(call("/v3/stats", Duration.ofSeconds(5)).body().isArray()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlPathEqualTo("/v3/stats")));
    }

    @Test
    void a429WithoutADelayIsRetriedOnceAfterASecond() throws Exception {
        server.stubFor(get("/v1/charges").inScenario("stripe").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"code\":\"rate_limit\"}}"))
                .willSetStateTo("open"));
        server.stubFor(get("/v1/charges").inScenario("stripe").whenScenarioStateIs("open")
                .willReturn(okJson("{\"data\":[]}")));

        assertThat(call("/v1/charges", Duration.ofSeconds(5)).body().get("data").isArray()).isTrue();
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/charges")));
    }

    @Test
    void aRefusalWithoutCredentialsIsARefusedAccessAndCarriesItsStatus() {
        server.stubFor(get("/domain/example.com").willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> client.get("RDAP", uri("/domain/example.com"), Map.of(),
                new ProbeContext("p", Duration.ofSeconds(2)))).isInstanceOf(ApiStatusFailure.class)
                .hasMessage("RDAP refused access (HTTP 403) on /domain/example.com")
                .extracting(e -> ((ApiStatusFailure) e).status()).isEqualTo(403);
    }

    @Test
    void aRedirectToAnotherOriginIsFollowedWithoutTheCredentials() throws Exception {
        String elsewhere = "http://localhost:" + server.port() + "/registry/domain/example.com";
        server.stubFor(get("/domain/example.com").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
        server.stubFor(get("/registry/domain/example.com").willReturn(okJson("{\"events\": []}")));

        assertThat(call("/domain/example.com", Duration.ofSeconds(5)).body().has("events")).isTrue();
        server.verify(getRequestedFor(urlPathEqualTo("/domain/example.com")).withHeader("Authorization",
                equalTo("Bearer " + KEY)));
        server.verify(getRequestedFor(urlPathEqualTo("/registry/domain/example.com")).withoutHeader("Authorization"));
    }

    @Test
    void aKeyWithALineBreakFailsWithoutShowingIt() {
        assertThatThrownBy(() -> client.get("Stripe", uri("/v1/charges"), Map.of("Authorization", "Bearer " + KEY + "\n"),
                new ProbeContext("p", Duration.ofSeconds(2)))).isInstanceOf(ProbeFailure.class)
                .hasMessage("Stripe: a request header is not valid; check the key for a line break or stray whitespace");
    }

    @Test
    void a429AskingForMoreThanTheTimeLeftFailsAtOnce() {
        server.stubFor(get("/v3/stats").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        assertThatThrownBy(() -> call("/v3/stats", Duration.ofSeconds(2)))
                .hasMessage("SendGrid rate limit (HTTP 429) on /v3/stats: asks to wait 60 s, more than the time left");
        server.verify(1, getRequestedFor(urlPathEqualTo("/v3/stats")));
    }

    @Test
    void serverErrorsTimeoutsAndMalformedBodiesAreReasons() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(503).withBody("upstream\n  unavailable")));
        server.stubFor(get("/b").willReturn(okJson("{\"stats\": [").withFixedDelay(0)));
        server.stubFor(get("/c").willReturn(okJson("[]").withFixedDelay(3000)));

        assertThatThrownBy(() -> call("/a", Duration.ofSeconds(2)))
                .hasMessage("SendGrid answered HTTP 503 on /a: upstream unavailable");
        assertThatThrownBy(() -> call("/b", Duration.ofSeconds(2)))
                .hasMessageStartingWith("SendGrid answered malformed JSON on /b: ");
        assertThatThrownBy(() -> call("/c", Duration.ofMillis(500))).hasMessage("SendGrid timed out on /c");
    }
}
