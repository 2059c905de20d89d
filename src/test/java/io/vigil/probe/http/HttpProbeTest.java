package io.vigil.probe.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.vertx.core.Vertx;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.TlsConfig;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;

class HttpProbeTest {

    private static final WireMockServer TARGET = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static Vertx vertx;
    private static HttpProbe probe;

    @BeforeAll
    static void start() {
        TARGET.start();
        vertx = Vertx.vertx();
        HttpClients clients = new HttpClients();
        clients.vertx = vertx;
        clients.create();
        probe = new HttpProbe();
        probe.clients = clients;
        probe.clock = Clock.systemUTC();
    }

    @AfterAll
    static void stop() {
        TARGET.stop();
        vertx.close();
    }

    @BeforeEach
    void reset() {
        TARGET.resetAll();
    }

    @Test
    void aHealthyEndpointSucceedsWithBlackboxSamples() throws Exception {
        TARGET.stubFor(get("/health").willReturn(ok("all good").withHeader("Content-Length", "8")));
        ProbeContext context = context();

        ProbeOutcome outcome = probe.run(spec("/health"), context);

        assertThat(outcome.success()).isTrue();
        assertThat(value(context, "probe_http_status_code")).isEqualTo(200);
        assertThat(value(context, "probe_http_content_length")).isEqualTo(8);
        assertThat(value(context, "probe_http_redirects")).isZero();
        assertThat(value(context, "probe_http_ssl")).isZero();
        assertThat(context.samples()).filteredOn(s -> s.metric().equals("probe_http_duration_seconds"))
                .extracting(s -> s.labels().get("phase"))
                .containsExactly("resolve", "connect", "processing", "transfer");
    }

    @Test
    void aStatusOutsideTheValidOnesFailsAndSaysWhich() throws Exception {
        TARGET.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
        ProbeContext context = context();

        ProbeOutcome outcome = probe.run(spec("/health"), context);

        assertThat(outcome.error()).isEqualTo("HTTP status 503 is not a valid status code (2xx)");
        assertThat(value(context, "probe_http_status_code")).isEqualTo(503);
    }

    @Test
    void validStatusCodesReplaceTheDefault2xx() throws Exception {
        TARGET.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        HttpSpec spec = new HttpSpec(url("/gone"), null, null, null, List.of(404), null, null, null, null, null, null);
        assertThat(probe.run(spec, context()).success()).isTrue();
    }

    @Test
    void followsRedirectsAndCountsThem() throws Exception {
        TARGET.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        TARGET.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", url("/c").toString())));
        TARGET.stubFor(get("/c").willReturn(ok()));
        ProbeContext context = context();

        assertThat(probe.run(spec("/a"), context).success()).isTrue();
        assertThat(value(context, "probe_http_redirects")).isEqualTo(2);
    }

    @Test
    void noFollowRedirectsReportsTheRedirectItself() throws Exception {
        TARGET.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        HttpSpec spec = new HttpSpec(url("/a"), null, null, null, List.of(302), null, null, true, null, null, null);
        ProbeContext context = context();

        assertThat(probe.run(spec, context).success()).isTrue();
        assertThat(value(context, "probe_http_status_code")).isEqualTo(302);
    }

    @Test
    void aRedirectLoopStopsAfterTenHops() {
        TARGET.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        assertThatThrownBy(() -> probe.run(spec("/loop"), context()))
                .isInstanceOf(ProbeFailure.class).hasMessage("stopped after 10 redirects");
    }

    @Test
    void bodyRegexpsDecideSuccess() throws Exception {
        TARGET.stubFor(get("/status").willReturn(ok("{\"status\":\"degraded\"}")));
        HttpSpec mustNotSayDegraded = new HttpSpec(url("/status"), null, null, null, null,
                List.of(Pattern.compile("degraded")), null, null, null, null, null);
        HttpSpec mustSayOk = new HttpSpec(url("/status"), null, null, null, null,
                null, List.of(Pattern.compile("\"status\":\"ok\"")), null, null, null, null);
        HttpSpec mustSayStatus = new HttpSpec(url("/status"), null, null, null, null,
                null, List.of(Pattern.compile("status")), null, null, null, null);

        assertThat(probe.run(mustNotSayDegraded, context()).error())
                .isEqualTo("body matched fail_if_body_matches_regexp \"degraded\"");
        assertThat(probe.run(mustSayOk, context()).error())
                .isEqualTo("body did not match fail_if_body_not_matches_regexp \"\"status\":\"ok\"\"");
        assertThat(probe.run(mustSayStatus, context()).success()).isTrue();
    }

    @Test
    void sendsMethodHeadersBodyAndBasicAuth() throws Exception {
        TARGET.stubFor(post("/hook").withBasicAuth("ops", "pa:ss").withHeader("X-Env", equalTo("prod"))
                .withRequestBody(equalTo("{\"ping\":1}")).willReturn(ok()));
        HttpSpec spec = new HttpSpec(url("/hook"), "post", Map.of("X-Env", "prod"), "{\"ping\":1}", null, null, null,
                null, null, new HttpSpec.BasicAuth("ops", "pa:ss"), null);

        assertThat(probe.run(spec, context()).success()).isTrue();
        TARGET.verify(1, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void refusedCredentialsAreReportedAsSuch() throws Exception {
        TARGET.stubFor(get("/private").willReturn(aResponse().withStatus(401)));
        HttpSpec spec = new HttpSpec(url("/private"), null, null, null, null, null, null, null, null, null, "wrong-token");

        assertThat(probe.run(spec, context()).error()).isEqualTo("the credentials were refused (HTTP 401)");
        TARGET.verify(getRequestedFor(urlEqualTo("/private")).withHeader("Authorization", equalTo("Bearer wrong-token")));
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherHost() throws Exception {
        String otherHost = "http://localhost:" + TARGET.port() + "/landing";
        TARGET.stubFor(get("/start").willReturn(aResponse().withStatus(302).withHeader("Location", otherHost)));
        TARGET.stubFor(get("/landing").willReturn(ok()));
        HttpSpec spec = new HttpSpec(url("/start"), null, null, null, null, null, null, null, null, null, "t0ken");

        assertThat(probe.run(spec, context()).success()).isTrue();
        TARGET.verify(getRequestedFor(urlEqualTo("/start")).withHeader("Authorization", equalTo("Bearer t0ken")));
        TARGET.verify(getRequestedFor(urlEqualTo("/landing")).withoutHeader("Authorization"));
    }

    @Test
    void a429IsRetriedOnceAfterItsRetryAfter() throws Exception {
        TARGET.stubFor(get("/limited").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("open"));
        TARGET.stubFor(get("/limited").inScenario("rate").whenScenarioStateIs("open").willReturn(ok()));

        assertThat(probe.run(spec("/limited"), context()).success()).isTrue();
        TARGET.verify(2, getRequestedFor(urlEqualTo("/limited")));
    }

    @Test
    void a429AskingForMoreThanTheTimeoutIsNotWaitedFor() throws Exception {
        TARGET.stubFor(get("/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        ProbeOutcome outcome = probe.run(spec("/limited"), context());

        assertThat(outcome.error()).isEqualTo("HTTP status 429 is not a valid status code (2xx)");
        TARGET.verify(1, getRequestedFor(urlEqualTo("/limited")));
    }

    @Test
    void aSlowTargetFailsWhenTheTimeoutRunsOut() {
        TARGET.stubFor(get("/slow").willReturn(ok().withFixedDelay(5_000)));
        ProbeContext context = new ProbeContext("web", Duration.ofMillis(300));

        assertThatThrownBy(() -> probe.run(spec("/slow"), context))
                .isInstanceOf(ProbeFailure.class).hasMessage("waiting for the response of 127.0.0.1 timed out");
    }

    @Test
    void aRequestGivenUpOnDoesNotLeaveItsConnectionOpen() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            HttpSpec spec = new HttpSpec(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), null, null, null,
                    null, null, null, null, null, null, null);
            assertThatThrownBy(() -> probe.run(spec, new ProbeContext("web", Duration.ofMillis(300))))
                    .isInstanceOf(ProbeFailure.class).hasMessage("waiting for the response of 127.0.0.1 timed out");

            try (Socket accepted = silent.accept()) {
                accepted.setSoTimeout(5_000);
                assertThatCode(() -> {
                    try {
                        accepted.getInputStream().readAllBytes();
                    } catch (SocketException reset) {
                        // closed by a reset: just as good
                    }
                }).as("Vigil closed the connection").doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aDroppedConnectionIsAFailure() {
        TARGET.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> probe.run(spec("/reset"), context()))
                .isInstanceOf(ProbeFailure.class).hasMessageStartingWith("request to 127.0.0.1 failed");
    }

    @Test
    void aRefusedConnectionIsAFailureThatSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpSpec spec = new HttpSpec(URI.create("http://127.0.0.1:" + closedPort + "/"), null, null, null, null, null,
                null, null, TlsConfig.DEFAULT, null, null);
        assertThatThrownBy(() -> probe.run(spec, context()))
                .isInstanceOf(ProbeFailure.class).hasMessage("connection to 127.0.0.1 refused");
    }

    private static ProbeContext context() {
        return new ProbeContext("web", Duration.ofSeconds(5));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + TARGET.port() + path);
    }

    private static HttpSpec spec(String path) {
        return new HttpSpec(url(path), null, null, null, null, null, null, null, null, null, null);
    }

    private static double value(ProbeContext context, String metric) {
        return context.samples().stream().filter(s -> s.metric().equals(metric) && s.labels().equals(Labels.EMPTY))
                .map(Sample::value).findFirst().orElseThrow(() -> new AssertionError("no sample " + metric));
    }
}
