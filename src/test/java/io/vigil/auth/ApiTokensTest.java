package io.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void aTokenIsKnownByItsNameAndAnyOtherIsNot() {
        ApiTokens tokens = ApiTokens.parse("ci:s3cret-ci, alice : s3cret-alice");
        assertThat(tokens.nameOf("s3cret-ci")).contains("ci");
        assertThat(tokens.nameOf("s3cret-alice")).contains("alice");
        assertThat(tokens.nameOf("s3cret")).isEmpty();
        assertThat(tokens.nameOf("")).isEmpty();
    }

    @Test
    void aTokenMayHoldColons() {
        assertThat(ApiTokens.parse("deploy:a:b:c").nameOf("a:b:c")).contains("deploy");
    }

    @Test
    void noneOrBlankMeansNoTokens() {
        assertThat(ApiTokens.parse(null).isEmpty()).isTrue();
        assertThat(ApiTokens.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void malformedEntriesAreNamedWithoutShowingAToken() {
        assertThatThrownBy(() -> ApiTokens.parse("ci:one,just-a-token"))
                .hasMessage("VIGIL_API_TOKENS: entry 2 is not name:token (a non-empty name, a colon, a non-empty token)")
                .hasMessageNotContaining("just-a-token");
        assertThatThrownBy(() -> ApiTokens.parse("ci:"))
                .hasMessageStartingWith("VIGIL_API_TOKENS: entry 1 is not name:token");
        assertThatThrownBy(() -> ApiTokens.parse("ci:one,ci:two"))
                .hasMessage("VIGIL_API_TOKENS: the name \"ci\" is given twice");
    }

    @Test
    void neitherTheObjectNorItsTextHoldsAToken() {
        ApiTokens tokens = ApiTokens.parse("ci:s3cret-ci");
        assertThat(tokens.toString()).isEqualTo("ApiTokens[ci]").doesNotContain("s3cret");
    }
}
