package io.vigil.probe.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.probe.stripe.StripeCharges.failed;
import static io.vigil.probe.stripe.StripeCharges.page;
import static io.vigil.probe.stripe.StripeCharges.pending;
import static io.vigil.probe.stripe.StripeCharges.succeeded;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stripe's /v1/charges under one path per scenario of src/test/resources/stripe/vigil.yaml: a busy hour in three
 * pages, a quiet quarter, a revoked and an underprivileged key, a 429 before a 200, a 500, a hang, pages slow enough
 * that together they outlast the timeout, and a body cut short. Bodies and error envelopes are Stripe's.
 */
public class StripeFake implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk_test_51QvIgIlPr0beK3y9xZaBcDeFgHiJkLmNoPqRsTuVwabcd";
    static final String THROTTLED = "stripe-throttled";
    static final String PAGE_1_LAST = "ch_3QaB0xD2eF3gH4iJ1p2Q3r4S";
    static final String PAGE_2_LAST = "ch_3QaAyuD2eF3gH4iJ0m9N8b7V";
    static final long CREATED = 1764549011L;

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubBusyHour();
        server.stubFor(charges("/quiet").withHeader("Stripe-Version", equalTo("2024-06-20"))
                .willReturn(json(200, page(false))));
        server.stubFor(charges("/revoked").willReturn(json(401, "{\"error\":{\"message\":\"Invalid API Key provided: "
                + "sk_test_****************" + API_KEY.substring(API_KEY.length() - 4)
                + "\",\"type\":\"invalid_request_error\"}}")));
        server.stubFor(charges("/forbidden").willReturn(json(403, "{\"error\":{\"message\":\"The provided key "
                + "'rk_live_*****abcd' does not have the required permissions for this endpoint on account "
                + "'acct_1AbCdEfGh'. Having the 'rak_charge_read' permission would allow this request to continue.\","
                + "\"type\":\"invalid_request_error\"}}")));
        server.stubFor(charges("/throttled").inScenario(THROTTLED).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":{\"message\":\"Request rate limit exceeded. Learn more about rate "
                        + "limits here https://stripe.com/docs/rate-limits.\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"rate_limit\"}}")
                        .withHeader("Retry-After", "1").withHeader("Stripe-Rate-Limited-Reason", "endpoint-rate"))
                .willSetStateTo("quota back"));
        server.stubFor(charges("/throttled").inScenario(THROTTLED).whenScenarioStateIs("quota back")
                .willReturn(json(200, page(false, succeeded("ch_3QbT1aD2eF3gH4iJ0q1W2e3R", CREATED),
                        failed("ch_3QbT0bD2eF3gH4iJ1t2Y3u4I", CREATED, "incorrect_cvc")))));
        server.stubFor(charges("/down").willReturn(json(500,
                "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"api_error\"}}")));
        server.stubFor(charges("/slow").willReturn(json(200, page(false)).withFixedDelay(5000)));
        stubSlowPages();
        server.stubFor(charges("/garbled").willReturn(json(200,
                "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":false,\"data\":[{\"id\":\"ch_3Qa")));
        return Map.of("STRIPE_URL", "http://127.0.0.1:" + server.port(), "STRIPE_API_KEY", API_KEY);
    }

    /** 6 succeeded, 4 failed (2 card_declined, 1 expired_card, 1 without a code), 2 pending, over three pages. */
    private static void stubBusyHour() {
        server.stubFor(charges("/busy").atPriority(5).withQueryParam("starting_after", absent())
                .willReturn(json(200, page(true,
                        succeeded("ch_3QaB1cD2eF3gH4iJ0k1L2m3N", CREATED),
                        pending("ch_3QaB1aD2eF3gH4iJ1v2W3x4Y", CREATED - 12),
                        succeeded("ch_3QaB14D2eF3gH4iJ0f5G6h7J", CREATED - 40),
                        failed(PAGE_1_LAST, CREATED - 251, "card_declined")))));
        server.stubFor(charges("/busy").atPriority(1).withQueryParam("starting_after", equalTo(PAGE_1_LAST))
                .willReturn(json(200, page(true,
                        succeeded("ch_3QaB0rD2eF3gH4iJ0a9S8d7F", CREATED - 300),
                        failed("ch_3QaB0pD2eF3gH4iJ1g6H5j4K", CREATED - 410, "expired_card"),
                        succeeded("ch_3QaB0kD2eF3gH4iJ0l3Z2x1C", CREATED - 522),
                        succeeded(PAGE_2_LAST, CREATED - 700)))));
        server.stubFor(charges("/busy").atPriority(1).withQueryParam("starting_after", equalTo(PAGE_2_LAST))
                .willReturn(json(200, page(false,
                        failed("ch_3QaAyqD2eF3gH4iJ1v5B6n7M", CREATED - 903, "card_declined"),
                        pending("ch_3QaAykD2eF3gH4iJ0c8V9b0N", CREATED - 1250),
                        failed("ch_3QaAyfD2eF3gH4iJ1x2C3v4B", CREATED - 2001, null),
                        succeeded("ch_3QaAy9D2eF3gH4iJ0z1X2c3V", CREATED - 3480)))));
    }

    /** Three pages of 600 ms each: every one fits in the 1.5 s timeout, all of them do not. */
    private static void stubSlowPages() {
        server.stubFor(charges("/slow-pages").withQueryParam("starting_after", absent())
                .willReturn(json(200, page(true, succeeded("ch_slow_1", CREATED))).withFixedDelay(600)));
        server.stubFor(charges("/slow-pages").withQueryParam("starting_after", equalTo("ch_slow_1"))
                .willReturn(json(200, page(true, succeeded("ch_slow_2", CREATED))).withFixedDelay(600)));
        server.stubFor(charges("/slow-pages").withQueryParam("starting_after", equalTo("ch_slow_2"))
                .willReturn(json(200, page(false, succeeded("ch_slow_3", CREATED))).withFixedDelay(600)));
    }

    /** GET {prefix}/v1/charges as the probe must send it: key as bearer, pinned version, the window, full pages. */
    private static MappingBuilder charges(String prefix) {
        return get(urlPathEqualTo(prefix + "/v1/charges"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Stripe-Version", matching("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?"))
                .withQueryParam("created[gte]", matching("\\d+"))
                .withQueryParam("created[lt]", matching("\\d+"))
                .withQueryParam("limit", equalTo("100"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + Integer.toHexString(body.hashCode())).withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
