package io.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noUrlMeansTheEmbeddedH2(String url) {
        Map<String, String> p = DatabaseUrl.toProperties(url);
        assertThat(p).containsEntry(DatabaseUrl.KIND, "h2").containsEntry(DatabaseUrl.H2_ACTIVE, "true")
                .containsEntry(DatabaseUrl.PG_ACTIVE, "false").doesNotContainKey(DatabaseUrl.PG_URL);
    }

    @Test
    void herokuFormIsSplitIntoJdbcUrlAndDecodedCredentials() {
        Map<String, String> p = DatabaseUrl.toProperties("postgres://vigil:p%40ss%3Aw%2Frd+x@db.example.com:6543/vigil?sslmode=require");
        assertThat(p).containsEntry(DatabaseUrl.KIND, "postgresql")
                .containsEntry(DatabaseUrl.PG_ACTIVE, "true").containsEntry(DatabaseUrl.H2_ACTIVE, "false")
                .containsEntry(DatabaseUrl.PG_URL, "jdbc:postgresql://db.example.com:6543/vigil?sslmode=require")
                .containsEntry(DatabaseUrl.PG_USERNAME, "vigil")
                .containsEntry(DatabaseUrl.PG_PASSWORD, "p@ss:w/rd+x");
    }

    @Test
    void portDefaultsTo5432() {
        assertThat(DatabaseUrl.toProperties("postgresql://u:p@localhost/db"))
                .containsEntry(DatabaseUrl.PG_URL, "jdbc:postgresql://localhost:5432/db");
    }

    @Test
    void jdbcUrlPassesThroughUnchanged() {
        String url = "jdbc:postgresql://localhost:5432/db?user=u&password=p";
        assertThat(DatabaseUrl.toProperties(url)).containsEntry(DatabaseUrl.PG_URL, url)
                .doesNotContainKey(DatabaseUrl.PG_USERNAME);
    }

    @Test
    void credentialsMayComeFromTheirOwnVariables() {
        assertThat(DatabaseUrl.toProperties("jdbc:postgresql://db:5432/vigil", "vigil", "pw"))
                .containsEntry(DatabaseUrl.PG_USERNAME, "vigil").containsEntry(DatabaseUrl.PG_PASSWORD, "pw");
        assertThat(DatabaseUrl.toProperties("postgres://fromurl:x@db/vigil", "other", "pw"))
                .as("credentials in the URL win").containsEntry(DatabaseUrl.PG_USERNAME, "fromurl");
    }

    @Test
    void jdbcUrlWithUserInfoHasItSplitOff() {
        assertThat(DatabaseUrl.toProperties("jdbc:postgresql://u:secret@localhost:5432/db"))
                .containsEntry(DatabaseUrl.PG_URL, "jdbc:postgresql://localhost:5432/db")
                .containsEntry(DatabaseUrl.PG_USERNAME, "u").containsEntry(DatabaseUrl.PG_PASSWORD, "secret");
    }

    @Test
    void jdbcH2UrlMovesTheEmbeddedDatabase() {
        assertThat(DatabaseUrl.toProperties("jdbc:h2:file:/var/lib/vigil/db"))
                .containsEntry(DatabaseUrl.KIND, "h2").containsEntry(DatabaseUrl.H2_URL, "jdbc:h2:file:/var/lib/vigil/db");
    }

    @Test
    void unknownSchemeIsRejectedWithoutRepeatingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.toProperties("mysql://root:hunter2@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL must start with postgres://")
                .hasMessageNotContaining("hunter2");
    }
}
