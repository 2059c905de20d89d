package io.vigil.probe.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Heroku's, Netlify's and Supabase's APIs under one path per scenario of src/test/resources/platform/vigil.yaml:
 * dynos over two Range pages with one crashed, a revoked Heroku token, a hanging Heroku; a ready and a failed
 * deploy, a forbidden token, a deploy list cut short; a project with realtime down, a 429 before a 200, a 500.
 * Every stub answers only a request with the right key, so a probe that sent it wrong fails visibly.
 */
public class PlatformFake implements QuarkusTestResourceLifecycleManager {

    static final String HEROKU_KEY = "HRKU-AAf3b1f2c4-1d2e-4f5a-9b8c-7d6e5f4a3b2c";
    static final String NETLIFY_KEY = "nfp_Qx7vR2mT9kLp3WzYb8NcDf4GhJs6aB1c";
    static final String SUPABASE_KEY = "sbp_0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6";
    static final String SUPABASE_THROTTLED = "supabase-throttled";
    static final String NEXT_RANGE = "id ]11234567-89ab-cdef-0123-456789abcdef..; max=200;";
    static final String SITE = "3970e0fe-8564-4903-9a55-c5f8de49fb8b";
    static final String REF = "abcdefghijklmnopqrst";

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubHeroku();
        stubNetlify();
        stubSupabase();
        return Map.of("PLATFORM_URL", "http://127.0.0.1:" + server.port(), "HEROKU_API_KEY", HEROKU_KEY,
                "NETLIFY_API_KEY", NETLIFY_KEY, "SUPABASE_API_KEY", SUPABASE_KEY);
    }

    /** Page 1: two up, one crashed; page 2 (asked with Range): one starting, one idle. */
    private static void stubHeroku() {
        server.stubFor(dynos("/heroku").atPriority(5).withHeader("Range", absent())
                .willReturn(json(206, "[" + dyno("web.1", "up") + "," + dyno("web.2", "up") + ","
                        + dyno("worker.1", "crashed") + "]").withHeader("Next-Range", NEXT_RANGE)
                        .withHeader("Content-Range", "id 01234567..11234567; max=200")));
        server.stubFor(dynos("/heroku").atPriority(1).withHeader("Range", equalTo(NEXT_RANGE))
                .willReturn(json(200, "[" + dyno("worker.2", "starting") + "," + dyno("clock.1", "idle") + "]")));
        server.stubFor(dynos("/heroku-revoked").willReturn(json(401,
                "{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        server.stubFor(dynos("/heroku-slow").willReturn(json(200, "[]").withFixedDelay(5000)));
    }

    private static void stubNetlify() {
        server.stubFor(deploys("/netlify-live").willReturn(json(200, "[{\"id\":\"6747f3c2b2c3d4e5f6a7b8d0\","
                + "\"site_id\":\"" + SITE + "\",\"state\":\"ready\",\"error_message\":null,\"context\":\"production\","
                + "\"created_at\":\"2026-11-27T11:02:13.500Z\",\"published_at\":\"2026-11-27T11:03:40.012Z\"}]")));
        server.stubFor(deploys("/netlify-broken").willReturn(json(200, "[{\"id\":\"674702a1b2c3d4e5f6a7b8c9\","
                + "\"site_id\":\"" + SITE + "\",\"state\":\"error\",\"error_message\":\"Build script returned "
                + "non-zero exit code: 2\",\"branch\":\"main\",\"context\":\"production\","
                + "\"created_at\":\"2026-11-27T10:12:01.123Z\",\"published_at\":null}]")));
        server.stubFor(deploys("/netlify-forbidden").willReturn(json(403,
                "{\"code\":403,\"message\":\"Forbidden: token " + NETLIFY_KEY + " lacks access to this site\"}")));
        server.stubFor(deploys("/netlify-garbled").willReturn(json(200, "[{\"id\":\"6747f3c2\",\"state\":\"rea")));
    }

    private static void stubSupabase() {
        server.stubFor(health("/supabase").willReturn(json(200, "["
                + "{\"name\":\"auth\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\",\"info\":{\"name\":\"GoTrue\"}},"
                + "{\"name\":\"db\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"},"
                + "{\"name\":\"pooler\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"},"
                + "{\"name\":\"realtime\",\"healthy\":false,\"status\":\"UNHEALTHY\",\"info\":{\"healthy\":false,"
                + "\"db_connected\":false},\"error\":\"timeout\"},"
                + "{\"name\":\"rest\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"},"
                + "{\"name\":\"storage\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"}]")));
        server.stubFor(health("/supabase-throttled").inScenario(SUPABASE_THROTTLED)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"message\":\"Too many requests\"}").withHeader("X-RateLimit-Limit", "120")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1"))
                .willSetStateTo("quota back"));
        server.stubFor(health("/supabase-throttled").inScenario(SUPABASE_THROTTLED).whenScenarioStateIs("quota back")
                .willReturn(json(200, "[{\"name\":\"db\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"},"
                        + "{\"name\":\"rest\",\"healthy\":true,\"status\":\"ACTIVE_HEALTHY\"}]")));
        server.stubFor(health("/supabase-down").willReturn(json(500, "{\"message\":\"Internal Server Error\"}")));
    }

    private static String dyno(String name, String state) {
        return "{\"id\":\"" + Integer.toHexString(name.hashCode()) + "-89ab-cdef-0123-456789abcdef\",\"name\":\""
                + name + "\",\"type\":\"" + name.substring(0, name.indexOf('.')) + "\",\"state\":\"" + state
                + "\",\"size\":\"standard-1X\",\"created_at\":\"2026-11-27T09:00:02Z\","
                + "\"app\":{\"id\":\"7f2d\",\"name\":\"acme-api\"}}";
    }

    /** GET {prefix}/apps/acme-api/dynos as Heroku wants it: version 3 Accept header, token as bearer. */
    private static MappingBuilder dynos(String prefix) {
        return get(urlPathEqualTo(prefix + "/apps/acme-api/dynos"))
                .withHeader("Accept", equalTo("application/vnd.heroku+json; version=3"))
                .withHeader("Authorization", equalTo("Bearer " + HEROKU_KEY));
    }

    private static MappingBuilder deploys(String prefix) {
        return get(urlPathEqualTo(prefix + "/api/v1/sites/" + SITE + "/deploys"))
                .withQueryParam("production", equalTo("true")).withQueryParam("per_page", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + NETLIFY_KEY));
    }

    private static MappingBuilder health(String prefix) {
        return get(urlPathEqualTo(prefix + "/v1/projects/" + REF + "/health"))
                .withQueryParam("services", equalTo("auth,db,pooler,realtime,rest,storage"))
                .withHeader("Authorization", equalTo("Bearer " + SUPABASE_KEY));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
