package io.vigil.probe.sql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Queries run against Vigil's own database (H2 here, PostgreSQL when the suite runs with
 * DATABASE_URL, so they stay portable) and against a datasource given as a JDBC URL through
 * ${NAME}, whose password shows up nowhere.
 */
@QuarkusTest
@TestProfile(SqlProbeTest.SqlProbes.class)
class SqlProbeTest {

    private static final String PASSWORD = "reporting-pw-4711";
    private static final String REPORTING_URL = "jdbc:h2:mem:reporting;DB_CLOSE_DELAY=-1;USER=reporter;PASSWORD="
            + PASSWORD;

    public static class SqlProbes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.config", "src/test/resources/sql/vigil.yaml",
                    "vigil.db.h2-url", "jdbc:h2:mem:sqlprobe;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "REPORTING_DB_URL", REPORTING_URL,
                    // IFEXISTS: fails whether or not "reporting" was opened before, and never creates it
                    "REPORTING_DB_MISSING_URL", "jdbc:h2:mem:nowhere;IFEXISTS=TRUE;USER=reporter;PASSWORD=" + PASSWORD);
        }
    }

    @Test
    void exportsEachColumnOfTheRow() {
        assertSucceeds("answer");
        assertThat(metrics()).contains(
                "probe_sql_value{column=\"answer\",probe=\"answer\",type=\"sql\"} 42.0",
                "probe_sql_value{column=\"ratio\",probe=\"answer\",type=\"sql\"} 1.5");
    }

    @Test
    void countsRowsOfVigilsOwnTables() {
        assertSucceeds("silences");
        assertThat(metrics()).contains("probe_sql_value{column=\"silences\",probe=\"silences\",type=\"sql\"} 0.0");
    }

    @Test
    void leavesANullColumnOut() {
        assertSucceeds("nulls-left-out");
        String metrics = metrics();
        assertThat(metrics).contains("probe_sql_value{column=\"present\",probe=\"nulls-left-out\",type=\"sql\"} 7.0");
        assertThat(metrics).doesNotContain("column=\"missing\"");
    }

    @Test
    void failsOnZeroRows() {
        assertFails("no-rows", "returned 0 rows; expected exactly one");
    }

    @Test
    void failsOnMoreThanOneRow() {
        assertFails("two-rows", "returned more than one row; expected exactly one");
    }

    @Test
    void failsOnAColumnThatIsNotANumberAndExportsNone() {
        JsonPath run = given().post("/api/v1/probes/not-a-number/run").then().statusCode(200).extract().jsonPath();
        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).startsWith("column \"word\" is not a number (")
                .endsWith("); every column must be numeric");
        assertThat(metrics()).doesNotContain("probe_sql_value{column=\"n\",probe=\"not-a-number\",type=\"sql\"}");
    }

    @Test
    void queriesADatasourceGivenAsAJdbcUrlWithoutShowingItsPassword() {
        assertSucceeds("reporting");
        assertThat(metrics()).contains("probe_sql_value{column=\"external_answer\",probe=\"reporting\",type=\"sql\"} 3.0");

        JsonPath missing = given().post("/api/v1/probes/reporting-missing/run").then().statusCode(200).extract()
                .jsonPath();
        assertThat(missing.getBoolean("success")).isFalse();
        assertThat(missing.getString("error")).startsWith("cannot connect to the configured datasource: ")
                .doesNotContain(PASSWORD);

        assertThat(given().get("/api/v1/probes").asString()).doesNotContain(PASSWORD).doesNotContain("jdbc:");
        assertThat(given().get("/api/v1/probes/reporting").asString()).doesNotContain(PASSWORD);
        assertThat(given().get("/api/v1/probes/reporting-missing").asString()).doesNotContain(PASSWORD);
        assertThat(metrics()).doesNotContain(PASSWORD);
    }

    private static void assertSucceeds(String probe) {
        JsonPath run = given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("error")).isNull();
        assertThat(run.getBoolean("success")).isTrue();
    }

    private static void assertFails(String probe, String reason) {
        JsonPath run = given().post("/api/v1/probes/" + probe + "/run").then().statusCode(200).extract().jsonPath();
        assertThat(run.getBoolean("success")).isFalse();
        assertThat(run.getString("error")).isEqualTo(reason);
    }

    private static String metrics() {
        return given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString().replace(",}", "}");
    }
}
