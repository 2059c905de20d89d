package io.vigil.probe.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.vigil.probe.stripe.StripeFake.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The stripe probe against a WireMock Stripe: every page of a busy hour counted into exact samples on /q/metrics,
 * the window and its brackets sent as Stripe expects, and each way Stripe can fail (refused key, rate limit, 500,
 * hang, a deadline spent over several pages, a body cut short) ending in a reason that never shows the key.
 */
@QuarkusTest
@TestProfile(StripeProbeTest.StripeProbes.class)
@WithTestResource(StripeFake.class)
class StripeProbeTest {

    private static final List<String> PROBES = List.of("stripe-busy-hour", "stripe-quiet-quarter", "stripe-revoked",
            "stripe-forbidden", "stripe-throttled", "stripe-down", "stripe-slow", "stripe-slow-pages",
            "stripe-garbled");
    private static final Pattern FIRST_PAGE = Pattern.compile(
            "/busy/v1/charges\\?created%5Bgte%5D=(\\d+)&created%5Blt%5D=(\\d+)&limit=100");

    public static class StripeProbes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "src/test/resources/stripe/vigil.yaml",
                    "vigil.db.h2-url", "jdbc:h2:mem:stripe;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Test
    void aBusyHourIsCountedOverEveryPage() {
        Instant before = Instant.now();
        int requestsBefore = requests("/busy").size();

        JsonPath run = run("stripe-busy-hour");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(series("stripe-busy-hour")).containsExactlyInAnyOrder(
                "probe_stripe_charges{probe=\"stripe-busy-hour\",service=\"payments\",status=\"succeeded\",type=\"stripe\"} 6.0",
                "probe_stripe_charges{probe=\"stripe-busy-hour\",service=\"payments\",status=\"failed\",type=\"stripe\"} 4.0",
                "probe_stripe_charges{probe=\"stripe-busy-hour\",service=\"payments\",status=\"pending\",type=\"stripe\"} 2.0",
                "probe_stripe_charge_success_ratio{probe=\"stripe-busy-hour\",service=\"payments\",type=\"stripe\"} 0.6",
                "probe_stripe_charge_failures{failure_code=\"card_declined\",probe=\"stripe-busy-hour\",service=\"payments\",type=\"stripe\"} 2.0",
                "probe_stripe_charge_failures{failure_code=\"expired_card\",probe=\"stripe-busy-hour\",service=\"payments\",type=\"stripe\"} 1.0",
                "probe_stripe_charge_failures{failure_code=\"unknown\",probe=\"stripe-busy-hour\",service=\"payments\",type=\"stripe\"} 1.0");

        List<LoggedRequest> pages = requests("/busy").subList(requestsBefore, requestsBefore + 3);
        Matcher first = FIRST_PAGE.matcher(pages.get(0).getUrl());
        assertThat(first.matches()).as(pages.get(0).getUrl()).isTrue();
        long gte = Long.parseLong(first.group(1));
        long lt = Long.parseLong(first.group(2));
        assertThat(lt - gte).isEqualTo(3600);
        assertThat(lt).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(pages.get(1).getUrl()).isEqualTo(first.group() + "&starting_after=" + StripeFake.PAGE_1_LAST);
        assertThat(pages.get(2).getUrl()).isEqualTo(first.group() + "&starting_after=" + StripeFake.PAGE_2_LAST);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.getHeader("Stripe-Version")).isEqualTo("2025-12-15.clover");
            assertThat(page.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        });
    }

    @Test
    void aQuietWindowExportsZeroesAndNoRatio() {
        JsonPath run = run("stripe-quiet-quarter");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(series("stripe-quiet-quarter")).containsExactlyInAnyOrder(
                "probe_stripe_charges{probe=\"stripe-quiet-quarter\",status=\"succeeded\",type=\"stripe\"} 0.0",
                "probe_stripe_charges{probe=\"stripe-quiet-quarter\",status=\"failed\",type=\"stripe\"} 0.0",
                "probe_stripe_charges{probe=\"stripe-quiet-quarter\",status=\"pending\",type=\"stripe\"} 0.0");
        Matcher window = Pattern.compile("created%5Bgte%5D=(\\d+)&created%5Blt%5D=(\\d+)")
                .matcher(requests("/quiet").getLast().getUrl());
        assertThat(window.find()).isTrue();
        assertThat(Long.parseLong(window.group(2)) - Long.parseLong(window.group(1))).isEqualTo(900);
    }

    @Test
    void aRevokedKeyIsRefusedCredentialsWithoutShowingTheKey() {
        JsonPath run = run("stripe-revoked");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("Stripe refused the credentials (HTTP 401) on /revoked/v1/charges")
                .contains("Invalid API Key provided: sk_test_[redacted]")
                .doesNotContain(API_KEY).doesNotContain("****");
        assertThat(probeSuccess("stripe-revoked")).isEqualTo("0.0");
        assertThat(series("stripe-revoked")).isEmpty();
    }

    @Test
    void aKeyWithoutChargesReadIsRefusedCredentials() {
        JsonPath run = run("stripe-forbidden");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("Stripe refused the credentials (HTTP 403) on /forbidden/v1/charges")
                .contains("rak_charge_read").doesNotContain("*****abcd");
        assertThat(probeSuccess("stripe-forbidden")).isEqualTo("0.0");
    }

    @Test
    void aRateLimitIsWaitedOutOnceThenCounted() {
        StripeFake.server().setScenarioState(StripeFake.THROTTLED, Scenario.STARTED);
        int before = requests("/throttled").size();

        JsonPath run = run("stripe-throttled");

        assertThat(run.getBoolean("success")).as(run.prettify()).isTrue();
        assertThat(run.getDouble("durationSeconds")).isGreaterThanOrEqualTo(1.0);
        assertThat(requests("/throttled")).hasSize(before + 2);
        assertThat(probeSuccess("stripe-throttled")).isEqualTo("1.0");
        assertThat(series("stripe-throttled")).contains(
                "probe_stripe_charge_success_ratio{probe=\"stripe-throttled\",type=\"stripe\"} 0.5",
                "probe_stripe_charge_failures{failure_code=\"incorrect_cvc\",probe=\"stripe-throttled\",type=\"stripe\"} 1.0");
    }

    @Test
    void aServerErrorFailsTheRunWithStripesMessage() {
        JsonPath run = run("stripe-down");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo("Stripe answered HTTP 500 on /down/v1/charges: "
                + "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"api_error\"}}");
        assertThat(probeSuccess("stripe-down")).isEqualTo("0.0");
        assertThat(series("stripe-down")).isEmpty();
    }

    @Test
    void aHangingStripeTimesOutAtTheProbesTimeout() {
        JsonPath run = run("stripe-slow");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).contains("timed out");
        assertThat(run.getDouble("durationSeconds")).isLessThan(3.0);
        assertThat(probeSuccess("stripe-slow")).isEqualTo("0.0");
    }

    @Test
    void theTimeoutCoversAllPagesNotEachOne() {
        int before = requests("/slow-pages").size();

        JsonPath run = run("stripe-slow-pages");

        assertThat(run.getBoolean("success")).isFalse();
        // Each page alone fits in the timeout: the run got past the first one before the deadline cut it off.
        assertThat(requests("/slow-pages").size() - before).isGreaterThanOrEqualTo(2);
        assertThat(run.getString("error")).contains("timed out");
        assertThat(run.getDouble("durationSeconds")).isLessThan(1.8);
        assertThat(series("stripe-slow-pages")).isEmpty();
    }

    @Test
    void aBodyCutShortIsMalformedJson() {
        JsonPath run = run("stripe-garbled");

        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("Stripe answered malformed JSON on /garbled/v1/charges");
        assertThat(probeSuccess("stripe-garbled")).isEqualTo("0.0");
    }

    @Test
    void theKeyAppearsInNoAnswerAndNoMetric() {
        for (String probe : PROBES) {
            assertThat(given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().asString())
                    .doesNotContain(API_KEY);
            assertThat(given().get("/api/v1/probes/" + probe).then().statusCode(200).extract().asString())
                    .doesNotContain(API_KEY);
        }
        assertThat(given().get("/api/v1/probes").asString()).contains("stripe-revoked").doesNotContain(API_KEY);
        assertThat(metrics()).contains("stripe-revoked").doesNotContain(API_KEY);
    }

    private static JsonPath run(String probe) {
        return given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static List<LoggedRequest> requests(String prefix) {
        return StripeFake.server().findAll(getRequestedFor(urlPathEqualTo(prefix + "/v1/charges")));
    }

    /** The probe_stripe_* lines of {@code probe} on /q/metrics. */
    private static List<String> series(String probe) {
        return metrics().lines().map(line -> line.replace(",}", "}"))
                .filter(line -> line.startsWith("probe_stripe_") && line.contains("probe=\"" + probe + "\""))
                .toList();
    }

    private static String probeSuccess(String probe) {
        return metrics().lines().map(line -> line.replace(",}", "}"))
                .filter(line -> line.startsWith("probe_success{") && line.contains("probe=\"" + probe + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
    }

    private static String metrics() {
        return given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }
}
