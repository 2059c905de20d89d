package io.vigil.probe.sendgrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * SendGrid's stats API as WireMock, for src/test/resources/sendgrid/vigil.yaml: three days of mail on /v3/stats,
 * two categories over two days on /v3/categories/stats, days with nothing processed under /quiet, under /drying-up
 * the three days until {@link #dryUp()} and quiet days after, and a 401 for the revoked key. Days are matched by
 * form only: the exact dates are SendgridProbeTest's, on a fixed clock.
 */
public class FakeSendgrid implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "SG.e2e-key-0815";
    static final String REVOKED_KEY = "SG.revoked-key-0816";
    private static final String DRYING_UP = "drying-up";
    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    private static WireMockServer server;

    /** From now on, /drying-up answers days with nothing processed. */
    static void dryUp() {
        server.setScenarioState(DRYING_UP, "dry");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(stats("/v3/stats", KEY).willReturn(okJson(SendgridProbeTest.fixture("stats-3days.json"))));
        server.stubFor(stats("/quiet/v3/stats", KEY).willReturn(okJson(SendgridProbeTest.fixture("stats-quiet.json"))));
        server.stubFor(stats("/drying-up/v3/stats", KEY).inScenario(DRYING_UP).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(SendgridProbeTest.fixture("stats-3days.json"))));
        server.stubFor(stats("/drying-up/v3/stats", KEY).inScenario(DRYING_UP).whenScenarioStateIs("dry")
                .willReturn(okJson(SendgridProbeTest.fixture("stats-quiet.json"))));
        server.stubFor(stats("/v3/categories/stats", KEY).withQueryParam("categories", matching(".+"))
                .willReturn(okJson(SendgridProbeTest.fixture("categories-2days.json"))));
        server.stubFor(stats("/v3/stats", REVOKED_KEY).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"authorization required\"}]}")));
        return Map.of("vigil.config", "src/test/resources/sendgrid/vigil.yaml", "SENDGRID_URL", server.baseUrl(),
                "SENDGRID_API_KEY", KEY, "SENDGRID_REVOKED_KEY", REVOKED_KEY);
    }

    private static MappingBuilder stats(String path, String key) {
        return get(urlPathEqualTo(path)).withQueryParam("start_date", matching(DAY))
                .withQueryParam("end_date", matching(DAY)).withQueryParam("aggregated_by", equalTo("day"))
                .withHeader("Authorization", equalTo("Bearer " + key));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
