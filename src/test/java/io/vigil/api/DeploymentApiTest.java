package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.deploy.Deployment;
import io.vigil.deploy.Deployments;

/** A pipeline reports deploys; they are listed newest first, and a bad report names its field. */
@QuarkusTest
class DeploymentApiTest {

    @Inject
    Deployments deployments;

    @Test
    void deploysAreRecordedWithWhoReportedThemAndListedNewestFirst() {
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.JSON).body("""
                {"service": "checkout-api", "version": "1.4.1", "environment": "prod",
                 "url": "https://ci.example.com/runs/41", "at": "%s"}
                """.formatted(earlier)).post("/api/v1/deployments").then().statusCode(201)
                .body("service", equalTo("checkout-api")).body("at", equalTo(earlier.toString()))
                .body("recordedBy", equalTo("tester"));
        given().contentType(ContentType.JSON).body("""
                {"service": "checkout-api", "version": "1.4.2", "environment": "prod"}
                """).post("/api/v1/deployments").then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"service": "search", "version": "7", "environment": "staging"}
                """).post("/api/v1/deployments").then().statusCode(201);

        given().get("/api/v1/deployments?service=checkout-api").then().statusCode(200)
                .body("", hasSize(2)).body("[0].version", equalTo("1.4.2")).body("[1].version", equalTo("1.4.1"))
                .body("[1].url", equalTo("https://ci.example.com/runs/41"));
        given().get("/api/v1/deployments?environment=staging").then().body("", hasSize(1))
                .body("[0].service", equalTo("search"));

        // what an incident of checkout-api opened now asks: its deploys of the last three hours, oldest first
        assertThat(deployments.of(List.of("checkout-api"), Instant.now().minus(3, ChronoUnit.HOURS), Instant.now()))
                .extracting(Deployment::version).containsExactly("1.4.1", "1.4.2");
        assertThat(deployments.of(List.of("checkout-api"), Instant.now().minus(1, ChronoUnit.HOURS), Instant.now()))
                .extracting(Deployment::version).containsExactly("1.4.2");
    }

    @Test
    void aBadReportIsRefusedNamingTheField() {
        refused("{\"version\": \"1\"}", "service: required");
        refused("{\"service\": \"api\", \"url\": \"ci.example.com/run/1\"}", "url: must be an absolute http or https URL");
        refused("{\"service\": \"api\", \"at\": \"%s\"}".formatted(Instant.now().plus(1, ChronoUnit.DAYS)),
                "at: is in the future");
        refused("{\"service\": \"api\", \"at\": \"yesterday\"}", "at: ");
        refused("{\"service\": \"" + "x".repeat(300) + "\"}", "service: at most 255 characters");
    }

    private static void refused(String body, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/deployments").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith(detail));
    }
}
