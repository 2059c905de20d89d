package io.vigil.probe.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class HerokuSpecTest {

    private static final String KEY = "HRKU-AAf3b1f2c4-1d2e-4f5a-9b8c-7d6e5f4a3b2c";

    @Test
    void defaultsToTheHerokuApiAndListsTheAppsDynos() {
        HerokuSpec spec = new HerokuSpec(" acme-api ", KEY, null);

        assertThat(spec.baseUrl()).isEqualTo(URI.create("https://api.heroku.com"));
        assertThat(spec.dynos()).isEqualTo(URI.create("https://api.heroku.com/apps/acme-api/dynos"));
        assertThat(new HerokuSpec("acme-api", KEY, URI.create("http://127.0.0.1:8089/h/")).dynos())
                .isEqualTo(URI.create("http://127.0.0.1:8089/h/apps/acme-api/dynos"));
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new HerokuSpec(null, KEY, null)).extracting("key").isEqualTo("app");
        assertThatThrownBy(() -> new HerokuSpec("acme/../account", KEY, null)).extracting("key").isEqualTo("app");
        assertThatThrownBy(() -> new HerokuSpec("acme-api", " ", null)).extracting("key").isEqualTo("api_key");
        assertThatThrownBy(() -> new HerokuSpec("acme-api", KEY, URI.create("ftp://api.heroku.com")))
                .extracting("key").isEqualTo("base_url");
        assertThatThrownBy(() -> new HerokuSpec("acme-api", KEY, URI.create("https://api.heroku.com?x=1")))
                .extracting("key").isEqualTo("base_url");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new HerokuSpec("acme-api", KEY, null).toString()).contains("acme-api").doesNotContain(KEY);
    }
}
