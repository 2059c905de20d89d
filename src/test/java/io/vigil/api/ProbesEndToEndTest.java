package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.testsupport.ProbeTargets;

/** From a config file to probe runs, read back the way users and Prometheus read them. */
@QuarkusTest
@WithTestResource(ProbeTargets.class)
class ProbesEndToEndTest {

    @BeforeEach
    void everyProbeHasRun() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().get("/api/v1/probes").jsonPath().getList("lastResult.at").stream().filter(at -> at != null).count() == 3);
    }

    @Test
    void theApiListsEveryProbeWithItsLastResult() {
        given().get("/api/v1/probes").then().log().ifValidationFails().statusCode(200)
                .body("name", hasItems("target-port", "web-broken", "web-ok"))
                .body("find { it.name == 'web-ok' }.type", equalTo("http"))
                .body("find { it.name == 'web-ok' }.interval", equalTo("1s"))
                .body("find { it.name == 'web-ok' }.labels.service", equalTo("web"))
                .body("find { it.name == 'web-ok' }.nextRunAt", notNullValue())
                .body("find { it.name == 'web-ok' }.lastResult.success", equalTo(true))
                .body("find { it.name == 'web-broken' }.lastResult.success", equalTo(false))
                .body("find { it.name == 'web-broken' }.lastResult.error",
                        equalTo("HTTP status 500 is not a valid status code (2xx)"));
    }

    @Test
    void oneProbeShowsItsRecentResultsAndSamples() {
        given().get("/api/v1/probes/web-broken").then().statusCode(200)
                .body("recentResults.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("lastResult.samples.find { it.metric == 'probe_http_status_code' }.value", equalTo(500.0f));
    }

    @Test
    void anUnknownProbeIsA404ProblemNamingIt() {
        given().get("/api/v1/probes/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no probe named \"nope\" is configured"));
        given().post("/api/v1/probes/nope/run").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aProbeRunsOnDemand() {
        given().post("/api/v1/probes/web-ok/run").then().statusCode(200)
                .body("success", equalTo(true))
                .body("samples.find { it.metric == 'probe_http_status_code' }.value", equalTo(200.0f));
    }

    @Test
    void prometheusSeesProbeSamplesAndRunCounters() {
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("# HELP probe_success ")
                .contains("# TYPE probe_success gauge")
                .containsPattern("probe_success\\{probe=\"web-ok\",service=\"web\",type=\"http\",?} 1\\.0")
                .containsPattern("probe_success\\{probe=\"web-broken\",service=\"web\",type=\"http\",?} 0\\.0")
                .containsPattern("probe_success\\{probe=\"target-port\",type=\"tcp\",?} 1\\.0")
                .containsPattern("probe_http_status_code\\{probe=\"web-broken\",service=\"web\",type=\"http\",?} 500\\.0")
                .containsPattern("probe_http_duration_seconds\\{phase=\"connect\",probe=\"web-ok\"")
                .containsPattern("vigil_probe_runs_total\\{probe=\"web-ok\",result=\"success\",?} [1-9]")
                .containsPattern("vigil_probe_runs_total\\{probe=\"web-broken\",result=\"failure\",?} [1-9]")
                .contains("vigil_probe_schedule_lag_seconds_bucket");
    }

    @Test
    void eachProbeIsACheckInTheProbesHealthGroupButNotInReadiness() {
        given().get("/q/health/group/probes").then().statusCode(503)
                .body("checks.find { it.name == 'web-ok' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'web-broken' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'web-broken' }.data.error", containsString("HTTP status 500"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'vigil' }.data.probes", equalTo(3));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/probes/{name}/run"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/incidents/{id}/acknowledge"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/incidents/{id}/acknowledge'.post.security[0]", org.hamcrest.Matchers.hasKey("bearer"))
                .body("paths.'/api/v1/incidents/{id}/acknowledge'.post.responses", org.hamcrest.Matchers.hasKey("403"))
                .body("paths.'/api/v1/incidents'.get.security", org.hamcrest.Matchers.nullValue());
    }
}
