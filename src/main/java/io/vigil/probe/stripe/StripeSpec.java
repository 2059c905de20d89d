package io.vigil.probe.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.api.BaseUrl;

/**
 * The keys of a {@code type: stripe} probe: the charges created in the last {@code window}.
 *
 * @param apiKey a secret ({@code sk_}) or, better, a restricted key ({@code rk_}) with Charges: Read, written as
 *        {@code ${NAME}} so that it stays in the environment
 * @param stripeVersion the API version sent as {@code Stripe-Version}; pinned because an unpinned request gets the
 *        account's default version, which changes the charge object under the probe when someone upgrades it
 */
public record StripeSpec(String apiKey, Duration window, URI baseUrl, String stripeVersion) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.stripe.com");
    /** The newest released version in stripe/openapi when this probe was written (2026-08-26.dahlia was a preview). */
    public static final String DEFAULT_STRIPE_VERSION = "2025-12-15.clover";

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

    public StripeSpec {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidKeyException("api_key", "missing required key \"api_key\"");
        }
        if (apiKey.startsWith("pk_")) {
            // Stripe answers 401 to a publishable key on /v1/charges: say so at startup, not on the first run.
            throw new InvalidKeyException("api_key",
                    "a publishable key (pk_) cannot list charges: use a restricted key (rk_) with Charges: Read");
        }
        window = window == null ? DEFAULT_WINDOW : window;
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidKeyException("window", "must be at least 1s: Stripe stamps charges in whole seconds");
        }
        baseUrl = BaseUrl.orDefault(baseUrl, DEFAULT_BASE_URL);
        stripeVersion = stripeVersion == null ? DEFAULT_STRIPE_VERSION : stripeVersion.strip();
        if (!VERSION.matcher(stripeVersion).matches()) {
            throw new InvalidKeyException("stripe_version",
                    "must be a Stripe API version such as " + DEFAULT_STRIPE_VERSION + ", got \"" + stripeVersion + "\"");
        }
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "StripeSpec[window=" + window + ", baseUrl=" + baseUrl + ", stripeVersion=" + stripeVersion + "]";
    }
}
