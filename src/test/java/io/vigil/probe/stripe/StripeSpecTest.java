package io.vigil.probe.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.vigil.config.InvalidKeyException;

class StripeSpecTest {

    private static final String KEY = "rk_live_51AbCdEfGhIjKlMnOpQrStUv";

    @Test
    void defaultsToTheLastHourOfTheLiveApiAtAPinnedVersion() {
        StripeSpec spec = new StripeSpec(KEY, null, null, null);

        assertThat(spec.window()).isEqualTo(Duration.ofHours(1));
        assertThat(spec.baseUrl()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(spec.stripeVersion()).isEqualTo("2025-12-15.clover");
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new StripeSpec(" ", null, null, null)).isInstanceOf(InvalidKeyException.class)
                .hasMessage("missing required key \"api_key\"").extracting("key").isEqualTo("api_key");
        assertThatThrownBy(() -> new StripeSpec("pk_live_51AbCdEf", null, null, null)).extracting("key")
                .isEqualTo("api_key");
        assertThatThrownBy(() -> new StripeSpec(KEY, Duration.ofMillis(500), null, null)).extracting("key")
                .isEqualTo("window");
        assertThatThrownBy(() -> new StripeSpec(KEY, null, URI.create("ftp://api.stripe.com"), null))
                .extracting("key").isEqualTo("base_url");
        assertThatThrownBy(() -> new StripeSpec(KEY, null, URI.create("https://api.stripe.com?x=1"), null))
                .extracting("key").isEqualTo("base_url");
        assertThatThrownBy(() -> new StripeSpec(KEY, null, null, "clover")).extracting("key")
                .isEqualTo("stripe_version");
        assertThat(new StripeSpec(KEY, null, null, "2020-08-27").stripeVersion()).isEqualTo("2020-08-27");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new StripeSpec(KEY, null, null, null).toString()).doesNotContain(KEY).doesNotContain("rk_live");
        assertThatThrownBy(() -> new StripeSpec("pk_live_51AbCdEf", null, null, null)).message()
                .doesNotContain("51AbCdEf");
    }

    @Test
    void blanksStripesMaskedEchoOfAKeyOutOfReasons() {
        assertThat(StripeProbe.withoutKeys("Stripe refused the credentials (HTTP 401) on /v1/charges: {\"error\":"
                + "{\"message\":\"Invalid API Key provided: sk_test_****************abcd\"}}"))
                .isEqualTo("Stripe refused the credentials (HTTP 401) on /v1/charges: {\"error\":"
                        + "{\"message\":\"Invalid API Key provided: sk_test_[redacted]\"}}");
        assertThat(StripeProbe.withoutKeys("The provided key 'rk_live_*****abcd' does not have the required"))
                .isEqualTo("The provided key 'rk_live_[redacted]' does not have the required");
    }
}
