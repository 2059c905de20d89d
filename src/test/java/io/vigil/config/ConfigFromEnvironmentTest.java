package io.vigil.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** On Heroku the configuration comes as an environment variable holding the YAML, not as a file. */
@QuarkusTest
@TestProfile(ConfigFromEnvironmentTest.YamlInVariable.class)
class ConfigFromEnvironmentTest {

    public static class YamlInVariable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "", "vigil.config-yaml", """
                    probes:
                      - {name: from-env, type: tcp, interval: 1h, host: 127.0.0.1, port: 9}
                    """, "vigil.db.h2-url", "jdbc:h2:mem:config-env;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Test
    void theYamlOfTheVariableIsTheRunningConfiguration() {
        given().get("/api/v1/probes").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].name", equalTo("from-env"));
    }
}
