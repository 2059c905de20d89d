package io.vigil.probe.sendgrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.TestApiClient;
import io.vigil.sample.Sample;

/** The probe against a WireMock SendGrid, at 09:30 UTC on 27 November 2026. */
class SendgridProbeTest {

    static final String KEY = "SG.test-key-4711";
    private static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");
    private static final WireMockServer SENDGRID = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static SendgridProbe probe;

    @BeforeAll
    static void start() {
        SENDGRID.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        probe = new SendgridProbe();
        probe.api = TestApiClient.create(clock);
        probe.clock = clock;
    }

    @AfterAll
    static void stop() {
        SENDGRID.stop();
    }

    @BeforeEach
    void reset() {
        SENDGRID.resetAll();
    }

    @Test
    void sumsEveryDayOfTheWindowAndReportsCountsAndRatios() throws Exception {
        SENDGRID.stubFor(stats("2026-11-25").willReturn(okJson(fixture("stats-3days.json"))));
        ProbeContext context = context();

        ProbeOutcome outcome = probe.run(spec(Duration.ofHours(48)), context);

        assertThat(outcome).isEqualTo(ProbeOutcome.succeeded());
        assertThat(samples(context)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("probe_sendgrid_requests", 20042.0), Map.entry("probe_sendgrid_processed", 20000.0),
                Map.entry("probe_sendgrid_delivered", 19000.0), Map.entry("probe_sendgrid_bounces", 500.0),
                Map.entry("probe_sendgrid_blocks", 272.0), Map.entry("probe_sendgrid_deferred", 1000.0),
                Map.entry("probe_sendgrid_drops", 16.0), Map.entry("probe_sendgrid_spam_reports", 19.0),
                Map.entry("probe_sendgrid_unique_opens", 6650.0), Map.entry("probe_sendgrid_unique_clicks", 2090.0),
                Map.entry("probe_sendgrid_delivery_ratio", 0.95), Map.entry("probe_sendgrid_bounce_ratio", 0.025),
                Map.entry("probe_sendgrid_spam_report_ratio", 0.001), Map.entry("probe_sendgrid_open_ratio", 0.35),
                Map.entry("probe_sendgrid_click_ratio", 0.11)));
    }

    @Test
    void theDefaultDayLongWindowAsksForYesterdayAndTodayByDay() throws Exception {
        SENDGRID.stubFor(get(urlPathEqualTo("/v3/stats")).willReturn(okJson(fixture("stats-quiet.json"))));

        assertThat(probe.run(new SendgridSpec(KEY, null, base(), null), context()).success()).isTrue();

        SENDGRID.verify(getRequestedFor(urlPathEqualTo("/v3/stats"))
                .withQueryParam("start_date", equalTo("2026-11-26"))
                .withQueryParam("end_date", equalTo("2026-11-27"))
                .withQueryParam("aggregated_by", equalTo("day"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void categoriesAreAskedForTogetherAndSummedAcrossDaysAndCategories() throws Exception {
        SENDGRID.stubFor(get(urlPathEqualTo("/v3/categories/stats"))
                .withQueryParam("start_date", equalTo("2026-11-26"))
                .withQueryParam("end_date", equalTo("2026-11-27"))
                .withQueryParam("aggregated_by", equalTo("day"))
                .withQueryParam("categories", havingExactly("welcome", "password reset"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .willReturn(okJson(fixture("categories-2days.json"))));
        ProbeContext context = context();

        ProbeOutcome outcome = probe.run(new SendgridSpec(KEY, null, base(), List.of("welcome", "password reset")), context);

        assertThat(outcome.success()).as(outcome.error()).isTrue();
        assertThat(samples(context)).containsEntry("probe_sendgrid_requests", 628.0)
                .containsEntry("probe_sendgrid_processed", 625.0).containsEntry("probe_sendgrid_delivered", 600.0)
                .containsEntry("probe_sendgrid_drops", 2.0).containsEntry("probe_sendgrid_unique_clicks", 120.0)
                .containsEntry("probe_sendgrid_delivery_ratio", 0.96).containsEntry("probe_sendgrid_bounce_ratio", 0.0128)
                .containsEntry("probe_sendgrid_spam_report_ratio", 0.005).containsEntry("probe_sendgrid_open_ratio", 0.61)
                .containsEntry("probe_sendgrid_click_ratio", 0.2);
        assertThat(SENDGRID.getAllServeEvents().get(0).getRequest().getUrl()).contains("categories=password%20reset");
    }

    @Test
    void daysWithNothingProcessedReportZeroCountsAndNoRatio() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson(fixture("stats-quiet.json"))));
        ProbeContext context = context();

        assertThat(probe.run(spec(Duration.ofHours(24)), context).success()).isTrue();

        Map<String, Double> samples = samples(context);
        assertThat(samples).hasSize(10).containsEntry("probe_sendgrid_processed", 0.0)
                .containsEntry("probe_sendgrid_requests", 2.0).containsEntry("probe_sendgrid_drops", 3.0);
        assertThat(samples.keySet()).noneMatch(metric -> metric.endsWith("_ratio"));
    }

    @Test
    void aBaseUrlWithAPathAndTrailingSlashKeepsItsPath() throws Exception {
        SENDGRID.stubFor(get(urlPathEqualTo("/proxy/sendgrid/v3/stats")).willReturn(okJson("[]")));
        SendgridSpec spec = new SendgridSpec(KEY, null, URI.create(SENDGRID.baseUrl() + "/proxy/sendgrid/"), null);

        ProbeContext context = context();
        assertThat(probe.run(spec, context).success()).isTrue();
        assertThat(samples(context)).containsEntry("probe_sendgrid_processed", 0.0).hasSize(10);
    }

    @Test
    void refusedCredentialsFailTheRunSayingSoWithoutTheKey() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid, "
                        + "expired, or revoked\",\"key\":\"" + KEY + "\"}]}")));
        ProbeContext context = context();

        ProbeOutcome outcome = probe.run(spec(Duration.ofHours(24)), context);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("SendGrid refused the credentials (HTTP 401) on /v3/stats: "
                + "{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid, expired, "
                + "or revoked\",\"key\":\"[redacted]\"}]}");
        assertThat(context.samples()).isEmpty();
    }

    @Test
    void aKeyWithoutTheStatsScopeIsRefusedCredentialsToo() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}")));

        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error()).isEqualTo(
                "SendGrid refused the credentials (HTTP 403) on /v3/stats: {\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}");
    }

    @Test
    void aRateLimitIsWaitedOutOnceUntilItsReset() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "150")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond()))
                        .withBody("{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}"))
                .willSetStateTo("reset"));
        SENDGRID.stubFor(stats("2026-11-26").inScenario("limited").whenScenarioStateIs("reset")
                .willReturn(okJson(fixture("stats-3days.json"))));
        ProbeContext context = context();

        assertThat(probe.run(spec(Duration.ofHours(24)), context).success()).isTrue();
        assertThat(samples(context)).containsEntry("probe_sendgrid_delivered", 19000.0);
        SENDGRID.verify(2, getRequestedFor(urlPathEqualTo("/v3/stats")));
    }

    @Test
    void aRateLimitResetBeyondTheTimeoutFailsTheRunAtOnce() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3600))));

        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error()).isEqualTo(
                "SendGrid rate limit (HTTP 429) on /v3/stats: asks to wait 3600 s, more than the time left");
        SENDGRID.verify(1, getRequestedFor(urlPathEqualTo("/v3/stats")));
    }

    @Test
    void aServerErrorFailsTheRunQuotingSendGrid() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(aResponse().withStatus(500)
                .withBody("{\"errors\":[{\"message\":\"internal error\"}]}")));

        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error())
                .isEqualTo("SendGrid answered HTTP 500 on /v3/stats: {\"errors\":[{\"message\":\"internal error\"}]}");
    }

    @Test
    void aBodyThatIsNotJsonFailsTheRun() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson("[{\"date\":\"2026-11-26\",\"stats\":[")));

        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error())
                .startsWith("SendGrid answered malformed JSON on /v3/stats: ");
    }

    @Test
    void jsonOfAnotherShapeFailsTheRunRatherThanCountingAsNoMail() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson("{\"errors\":[{\"message\":\"oops\"}]}")));
        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error()).isEqualTo(
                "SendGrid answered unexpected stats on /v3/stats: an array of days was expected, not an object");

        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson(
                fixture("stats-3days.json").replace("\"delivered\":8120", "\"delivered\":\"8120\""))));
        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error()).isEqualTo(
                "SendGrid answered unexpected stats on /v3/stats: the metrics of 2026-11-26 have no whole number \"delivered\"");

        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson("[{\"date\":\"2026-11-26\",\"stats\":[{}]}]")));
        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error()).isEqualTo(
                "SendGrid answered unexpected stats on /v3/stats: a \"stats\" entry of 2026-11-26 has no \"metrics\" object");
    }

    @Test
    void aSendGridThatDoesNotAnswerInTimeFailsTheRun() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(okJson("[]").withFixedDelay(2_000)));

        ProbeOutcome outcome = probe.run(spec(Duration.ofHours(24)), new ProbeContext("mail", Duration.ofMillis(300)));

        assertThat(outcome.error()).isEqualTo("SendGrid timed out on /v3/stats");
    }

    @Test
    void aDroppedConnectionFailsTheRun() throws Exception {
        SENDGRID.stubFor(stats("2026-11-26").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(probe.run(spec(Duration.ofHours(24)), context()).error())
                .startsWith("SendGrid could not be reached on /v3/stats: ");
    }

    /** The global stats of {@code start} to today, by day, asked with the test key. */
    private static MappingBuilder stats(String start) {
        return get(urlPathEqualTo("/v3/stats")).withQueryParam("start_date", equalTo(start))
                .withQueryParam("end_date", equalTo("2026-11-27")).withQueryParam("aggregated_by", equalTo("day"))
                .withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    private static SendgridSpec spec(Duration window) {
        return new SendgridSpec(KEY, window, base(), null);
    }

    private static URI base() {
        return URI.create(SENDGRID.baseUrl());
    }

    private static ProbeContext context() {
        return new ProbeContext("mail", Duration.ofSeconds(5));
    }

    private static Map<String, Double> samples(ProbeContext context) {
        Map<String, Double> byMetric = new TreeMap<>();
        for (Sample sample : context.samples()) {
            assertThat(sample.labels().size()).as("labels of " + sample.metric()).isZero();
            assertThat(byMetric.put(sample.metric(), sample.value())).as("twice: " + sample.metric()).isNull();
        }
        return byMetric;
    }

    static String fixture(String name) {
        try (InputStream in = SendgridProbeTest.class.getResourceAsStream("/sendgrid/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
