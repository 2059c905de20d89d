package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testsupport.ProbeTargets;

@QuarkusTest
@WithTestResource(ProbeTargets.class)
class ConfigReloadTest {

    private String configFile;
    private String original;
    private Path rulesFile;
    private String originalRules;

    @BeforeEach
    void remember() throws IOException {
        configFile = ConfigProvider.getConfig().getValue("vigil.config", String.class);
        original = Files.readString(Path.of(configFile));
        rulesFile = Path.of(configFile).resolveSibling("rules.yml");
        originalRules = Files.readString(rulesFile);
    }

    @AfterEach
    void restore() throws IOException {
        Files.writeString(Path.of(configFile), original);
        Files.writeString(rulesFile, originalRules);
        given().post("/api/v1/config/reload").then().statusCode(200);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndTheRunningConfigStays() throws IOException {
        Files.writeString(Path.of(configFile), original.replace("interval: 1s\n    labels: {service: web}\n    url: ${TARGET_URL}/healthy",
                "interval: 1 second\n    labels: {service: web}\n    url: ${TARGET_URL}/healthy"));

        given().post("/api/v1/config/reload").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith(configFile + ":7: probes[0].interval: not a valid duration string: \"1 second\""));
        given().get("/api/v1/probes").then().body("name", hasItem("web-ok"));
    }

    @Test
    void aBrokenRuleFileIsRefusedWithItsLineAndTheRunningRulesStay() throws IOException {
        Files.writeString(rulesFile, originalRules.replace("probe_success{type=\"http\"} == 0", "probe_success{type=\"http\" == 0"));

        given().post("/api/v1/config/reload").then().statusCode(400)
                .body("detail", startsWith(rulesFile + ":6: group \"web\", rule 1, \"EndpointDown\": could not parse expression: "));
        given().get("/api/v1/rules").then().body("[0].rules[0].query", equalTo("probe_success{type=\"http\"} == 0"));
    }

    @Test
    void aGoodFileSwapsProbesInAndOut() throws IOException {
        Files.writeString(Path.of(configFile), original.replace("name: web-broken", "name: web-fixed"));

        given().post("/api/v1/config/reload").then().statusCode(200).body("probes", equalTo(3));
        given().get("/api/v1/probes").then()
                .body("name", hasItem("web-fixed"))
                .body("name", not(hasItem("web-broken")));
        given().get("/api/v1/probes/web-broken").then().statusCode(404);
    }
}
