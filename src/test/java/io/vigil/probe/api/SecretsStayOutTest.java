package io.vigil.probe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The keys of the SaaS probes (SendGrid, Stripe, Heroku, Netlify, Supabase), a heartbeat's token and a SQL
 * datasource's password reach no log line, no API answer and no metric, even when the API they are sent to answers
 * with errors that repeat them, and with Vigil's own logging at DEBUG.
 */
@QuarkusTest
@TestProfile(SecretsStayOutTest.Secrets.class)
@WithTestResource(SecretsStayOutTest.EchoingApi.class)
class SecretsStayOutTest {

    static final String SENDGRID_KEY = "SG.secret-sendgrid-key-81f3e2";
    static final String STRIPE_KEY = "sk_test_secretstripekey4242424242";
    static final String HEARTBEAT_TOKEN = "hb-secret-token-97ab";
    static final String HEROKU_KEY = "HRKU-secret-heroku-key-5150";
    static final String NETLIFY_KEY = "nfp_secretnetlifytoken7777";
    static final String SUPABASE_KEY = "sbp_secretsupabasetoken31337";
    static final String DB_PASSWORD = "pg-secret-password-6543";
    /** A database that cannot be reached: the driver's error is what could carry the URL. */
    static final String REPORTING_DB_URL = "jdbc:postgresql://127.0.0.1:1/reports?user=reader&password=" + DB_PASSWORD;
    static final List<String> SECRETS = List.of(SENDGRID_KEY, STRIPE_KEY, HEARTBEAT_TOKEN, HEROKU_KEY, NETLIFY_KEY,
            SUPABASE_KEY, DB_PASSWORD);

    public static class Secrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "src/test/resources/secrets/vigil.yaml", "SENDGRID_KEY", SENDGRID_KEY,
                    "STRIPE_KEY", STRIPE_KEY, "HEARTBEAT_TOKEN", HEARTBEAT_TOKEN, "HEROKU_KEY", HEROKU_KEY,
                    "NETLIFY_KEY", NETLIFY_KEY, "SUPABASE_KEY", SUPABASE_KEY, "REPORTING_DB_URL", REPORTING_DB_URL,
                    "quarkus.log.category.\"io.vigil\".level", "DEBUG",
                    "vigil.db.h2-url", "jdbc:h2:mem:secrets;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    /** An API that answers /ok with empty stats, and repeats the Authorization header it got in its errors. */
    public static class EchoingApi implements QuarkusTestResourceLifecycleManager {

        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(any(urlPathMatching("/ok/.*")).willReturn(okJson("[]")));
            server.stubFor(any(urlPathMatching("/echo/.*")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json").withBody(
                            "{\"error\": {\"message\": \"Invalid API Key provided: {{request.headers.Authorization}}\","
                                    + " \"key\": \"{{request.headers.Authorization}}\"}}")
                    .withTransformers("response-template")));
            server.stubFor(any(urlPathMatching("/broken/.*")).willReturn(aResponse().withStatus(500)
                    .withBody("internal error while handling {{request.headers.Authorization}}")
                    .withTransformers("response-template")));
            return Map.of("API_URL", "http://127.0.0.1:" + server.port());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void noKeyOrTokenReachesALogLineAnApiAnswerOrAMetric() {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> answers = new ArrayList<>();
        try {
            // A reload logs the configuration it applied, secrets substituted in it.
            given().post("/api/v1/config/reload").then().statusCode(200);
            for (String probe : List.of("mail-ok", "mail-refused", "pay-refused", "pay-broken", "nightly",
                    "dynos-refused", "site-refused", "db-broken", "jobs-unreachable")) {
                answers.add(given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract()
                        .asString());
                answers.add(given().get("/api/v1/probes/" + probe).asString());
            }
            answers.add(given().header("Authorization", "Bearer " + HEARTBEAT_TOKEN + "x")
                    .post("/api/v1/heartbeats/nightly").asString());
            answers.add(given().get("/api/v1/probes").asString());
            answers.add(given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString());
            answers.add(given().get("/api/v1/rules").asString());
        } finally {
            root.removeHandler(capture);
        }

        assertThat(String.join("\n", answers)).contains("refused the credentials (HTTP 401)")
                .contains("answered HTTP 500").contains("cannot connect to the configured datasource");
        for (String secret : SECRETS) {
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
            assertThat(logged).noneMatch(line -> line.contains(secret));
        }
        assertThat(logged).as("logging was captured at all").isNotEmpty();
    }
}
