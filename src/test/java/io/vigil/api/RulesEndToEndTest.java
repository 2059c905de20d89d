package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testsupport.ProbeTargets;

/** A failing probe, a rule over its samples, and the alert it raises, read back through the API and metrics. */
@QuarkusTest
@WithTestResource(ProbeTargets.class)
class RulesEndToEndTest {

    @BeforeEach
    void theBrokenEndpointHasAnAlert() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/alerts?state=firing").then().log().ifValidationFails().body("", hasSize(1)));
    }

    @Test
    void aFailingProbeFiresItsAlertWithExpandedAnnotations() {
        given().get("/api/v1/alerts").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].labels.alertname", equalTo("EndpointDown"))
                .body("[0].labels.probe", equalTo("web-broken"))
                .body("[0].labels.severity", equalTo("critical"))
                .body("[0].annotations.summary", equalTo("web-broken is down"))
                .body("[0].state", equalTo("firing"))
                .body("[0].activeAt", notNullValue())
                .body("[0].value", equalTo(0.0f));
    }

    @Test
    void alertsFilterByStateAndMatchers() {
        given().get("/api/v1/alerts?state=pending").then().statusCode(200).body("", empty());
        given().queryParam("matchers", "severity=\"critical\"").get("/api/v1/alerts").then().body("", hasSize(1));
        given().queryParam("matchers", "probe=~\"web-ok|db\"").get("/api/v1/alerts").then().body("", empty());
        given().queryParam("matchers", "severity=").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/alerts?state=resolved").then().statusCode(400);
    }

    @Test
    void rulesShowTheirHealthAndLastEvaluation() {
        given().get("/api/v1/rules").then().statusCode(200)
                .body("[0].name", equalTo("web"))
                .body("[0].interval", equalTo("1s"))
                .body("[0].rules[0].name", equalTo("EndpointDown"))
                .body("[0].rules[0].type", equalTo("alerting"))
                .body("[0].rules[0].health", equalTo("ok"))
                .body("[0].rules[0].state", equalTo("firing"))
                .body("[0].rules[0].lastEvaluation", notNullValue())
                .body("[0].rules[1].type", equalTo("recording"))
                .body("[0].rules[1].name", equalTo("service:probe_success:min"));
        given().get("/api/v1/rules?limit=1&offset=1").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("failing"));
        given().get("/api/v1/rules?offset=-1").then().statusCode(400)
                .body("detail", equalTo("offset must not be negative, got -1"));
    }

    @Test
    void aFailingRuleIsReportedAndTheOthersGoOn() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "err".equals(given().get("/api/v1/rules").jsonPath().getString("[1].rules[0].health")));
        given().get("/api/v1/rules").then()
                .body("[1].name", equalTo("failing"))
                .body("[1].rules[0].lastError", containsString("same labelset after applying alert labels"))
                .body("[0].rules[0].health", equalTo("ok"));
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().extract().asString();
        Assertions.assertThat(metrics)
                .containsPattern("vigil_rule_evaluation_failures_total\\{rule_group=\"[^\"]*rules.yml;failing\",?} [1-9]");
    }

    @Test
    void aReloadKeepsAlertsWhereTheyWere() {
        String activeAt = given().get("/api/v1/alerts").jsonPath().getString("[0].activeAt");
        String firedAt = given().get("/api/v1/alerts").jsonPath().getString("[0].firedAt");

        given().post("/api/v1/config/reload").then().statusCode(200);

        given().get("/api/v1/alerts").then()
                .body("", hasSize(1))
                .body("[0].state", equalTo("firing"))
                .body("[0].activeAt", equalTo(activeAt))
                .body("[0].firedAt", equalTo(firedAt));
    }

    @Test
    void prometheusSeesTheAlertAndRuleMetrics() {
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().extract().asString();
        Assertions.assertThat(metrics)
                .containsPattern("vigil_alerts\\{alertname=\"EndpointDown\",alertstate=\"firing\",probe=\"web-broken\","
                        + "service=\"web\",severity=\"critical\",type=\"http\",?} 1\\.0")
                .containsPattern("vigil_rule_evaluations_total\\{rule_group=\"[^\"]*rules.yml;web\",?} [1-9]")
                .contains("vigil_rule_evaluation_duration_seconds_count");
    }
}
