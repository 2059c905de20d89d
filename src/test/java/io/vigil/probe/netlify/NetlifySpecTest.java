package io.vigil.probe.netlify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class NetlifySpecTest {

    private static final String KEY = "nfp_Qx7vR2mT9kLp3WzYb8NcDf4GhJs6";
    private static final String SITE = "3970e0fe-8564-4903-9a55-c5f8de49fb8b";

    @Test
    void defaultsToTheNetlifyApiAndAsksForTheLatestDeployOnly() {
        assertThat(new NetlifySpec(SITE, KEY, null).latestDeploy()).isEqualTo(URI.create(
                "https://api.netlify.com/api/v1/sites/" + SITE + "/deploys?production=true&per_page=1"));
        assertThat(new NetlifySpec("acme-web.netlify.app", KEY, URI.create("http://127.0.0.1:9/n/")).latestDeploy())
                .isEqualTo(URI.create("http://127.0.0.1:9/n/api/v1/sites/acme-web.netlify.app/deploys?production=true&per_page=1"));
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new NetlifySpec(" ", KEY, null)).extracting("key").isEqualTo("site_id");
        assertThatThrownBy(() -> new NetlifySpec("a/b?x", KEY, null)).extracting("key").isEqualTo("site_id");
        assertThatThrownBy(() -> new NetlifySpec(SITE, null, null)).extracting("key").isEqualTo("api_key");
        assertThatThrownBy(() -> new NetlifySpec(SITE, KEY, URI.create("api.netlify.com"))).extracting("key")
                .isEqualTo("base_url");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new NetlifySpec(SITE, KEY, null).toString()).contains(SITE).doesNotContain(KEY);
    }
}
