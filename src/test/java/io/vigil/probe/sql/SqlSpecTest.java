package io.vigil.probe.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.vigil.config.InvalidKeyException;

class SqlSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT count(*) AS pending FROM jobs",
        "select 42 as answer, 1.5 as ratio",
        "  WITH recent AS (SELECT * FROM jobs) SELECT count(*) FROM recent",
        "(SELECT 1 AS one)",
        "SELECT count(*) AS updated FROM jobs WHERE updated_at > now() - interval '1 hour'",
        "SELECT count(*) AS n FROM jobs WHERE note = 'a; DELETE FROM jobs'",
        "SELECT count(\"update\") AS n FROM jobs -- no INSERT here",
        "SELECT /* ; drop */ 1 AS one",
        "SELECT 1 AS one;",
        "SELECT max(length(replace(name, 'a', 'b'))) AS longest FROM jobs"
    })
    void acceptsASingleReadOnlyQuery(String query) {
        assertThat(new SqlSpec(query, null).query()).isEqualTo(query);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "DELETE FROM jobs | must be a read-only query starting with SELECT or WITH",
        "UPDATE jobs SET done = true | must be a read-only query starting with SELECT or WITH",
        "INSERT INTO jobs VALUES (1) | must be a read-only query starting with SELECT or WITH",
        "DROP TABLE jobs | must be a read-only query starting with SELECT or WITH",
        "CREATE TABLE x (id INT) | must be a read-only query starting with SELECT or WITH",
        "SHOW TABLES | must be a read-only query starting with SELECT or WITH",
        "SELECT 1; DELETE FROM jobs | must be a single statement; found a second one after \";\"",
        "SELECT 1;; | must be a single statement; found a second one after \";\"",
        "WITH gone AS (DELETE FROM jobs RETURNING id) SELECT count(*) FROM gone | must be a read-only query; DELETE is not allowed",
        "SELECT * INTO copy_of_jobs FROM jobs | must be a read-only query; INTO is not allowed",
        "SELECT id FROM jobs FOR UPDATE | must be a read-only query; UPDATE is not allowed",
        "SELECT id FROM jobs FOR  SHARE | must be a read-only query; FOR SHARE is not allowed",
        "SELECT count(*) FROM FINAL TABLE (INSERT INTO jobs VALUES (1)) | must be a read-only query; INSERT is not allowed",
        "SELECT nextval('job_seq') AS n | must be a read-only query; NEXTVAL is not allowed",
        "SELECT CSVWRITE('/tmp/x.csv', 'SELECT 1') AS n | must be a read-only query; CSVWRITE is not allowed",
        "SELECT LENGTH($$'$$) a, FILE_WRITE('x', '/tmp/f') b, LENGTH($$'$$) c | must not use dollar-quoted strings ($$...$$); use '...' instead",
        "SELECT ASCII(SUBSTRING(FILE_READ('/proc/self/environ', 'UTF-8'), 1, 1)) AS b | must be a read-only query; FILE_READ is not allowed",
        "SELECT NEXT VALUE FOR job_seq AS n | must be a read-only query; NEXT VALUE is not allowed",
        "SELECT pg_advisory_lock(42) AS l | must be a read-only query; PG_ADVISORY_LOCK is not allowed",
        "-- SELECT\\nTRUNCATE jobs | must be a read-only query starting with SELECT or WITH"
    })
    void refusesAnythingButOneReadOnlyQueryNamingTheQueryKey(String query, String problem) {
        assertThatThrownBy(() -> new SqlSpec(query.replace("\\n", "\n"), null))
                .isInstanceOfSatisfying(InvalidKeyException.class, e -> {
                    assertThat(e.key()).isEqualTo("query");
                    assertThat(e.getMessage()).isEqualTo(problem);
                });
    }

    @Test
    void requiresAQuery() {
        assertThatThrownBy(() -> new SqlSpec(" ", null)).isInstanceOfSatisfying(InvalidKeyException.class,
                e -> assertThat(e.key()).isEqualTo("query"));
    }

    @Test
    void sendsTheQueryWithoutItsTrailingSemicolon() {
        assertThat(new SqlSpec("SELECT 1 AS one ; \n", null).statement()).isEqualTo("SELECT 1 AS one");
        assertThat(new SqlSpec("SELECT ';' AS semicolon", null).statement()).isEqualTo("SELECT ';' AS semicolon");
    }

    @Test
    void refusesADatasourceThatIsNotAJdbcUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> new SqlSpec("SELECT 1", "postgres://u:hunter2@db/app"))
                .isInstanceOfSatisfying(InvalidKeyException.class, e -> {
                    assertThat(e.key()).isEqualTo("datasource");
                    assertThat(e.getMessage()).doesNotContain("hunter2").startsWith("must be a JDBC URL");
                });
    }

    @Test
    void neverShowsTheDatasourceUrl() {
        SqlSpec spec = new SqlSpec("SELECT 1 AS one", "jdbc:postgresql://db.internal:5432/app?user=u&password=hunter2");
        assertThat(spec.toString()).doesNotContain("hunter2").doesNotContain("db.internal");
        assertThat(ConfiguredDatasource.describe(spec.datasource()))
                .isEqualTo("the configured datasource at db.internal");
        assertThat(ConfiguredDatasource.describe("jdbc:h2:mem:reports;PASSWORD=hunter2"))
                .isEqualTo("the configured datasource");
        assertThat(ConfiguredDatasource.redact("URL format error: \"jdbc:h2:x;PASSWORD=hunter2;A=1\"", "other"))
                .doesNotContain("hunter2");
    }
}
