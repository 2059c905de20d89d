package io.vigil.probe.rdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vigil.config.InvalidKeyException;

class RdapSpecTest {

    @Test
    void asksRdapOrgByDefault() {
        assertThat(new RdapSpec("example.com", null).domainUri())
                .isEqualTo(URI.create("https://rdap.org/domain/example.com"));
    }

    @Test
    void aBaseUrlWithAPathKeepsItAndLosesATrailingSlash() {
        assertThat(new RdapSpec("example.com", URI.create("https://rdap.verisign.com/com/v1/")).domainUri())
                .isEqualTo(URI.create("https://rdap.verisign.com/com/v1/domain/example.com"));
    }

    @Test
    void theDomainIsLookedUpInLowerCaseAsciiWithoutTheRootDot() {
        assertThat(new RdapSpec(" Example.COM. ", null).domain()).isEqualTo("example.com");
        assertThat(new RdapSpec("bücher.de", null).domain()).isEqualTo("xn--bcher-kva.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "https://example.com", "example.com/path", "exa mple.com", "-example.com",
            "example..com", "192.0.2.1", "under_score.com", "user@example.com"})
    void anythingButAHostnameIsRefused(String domain) {
        assertThatThrownBy(() -> new RdapSpec(domain, null)).isInstanceOf(InvalidKeyException.class)
                .hasMessage("must be a domain name such as example.com, got \"" + domain + "\"")
                .extracting("key").isEqualTo("domain");
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new RdapSpec(" ", null)).hasMessage("missing required key \"domain\"")
                .extracting("key").isEqualTo("domain");
        assertThatThrownBy(() -> new RdapSpec("example.com", URI.create("rdap.org")))
                .extracting("key").isEqualTo("base_url");
        assertThatThrownBy(() -> new RdapSpec("example.com", URI.create("https://rdap.org/?key=1")))
                .extracting("key").isEqualTo("base_url");
    }
}
