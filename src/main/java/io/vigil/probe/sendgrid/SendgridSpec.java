package io.vigil.probe.sendgrid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.api.BaseUrl;

/**
 * The keys of a {@code type: sendgrid} probe.
 *
 * @param apiKey a SendGrid API key, written as {@code ${NAME}}; read-only scopes suffice: {@code stats.read}, and
 *        {@code categories.stats.read} with categories
 * @param window how far back the counts reach; 24h when not given (see {@link StatsDays} for how it meets
 *        SendGrid's whole days)
 * @param baseUrl the API's root, https://api.sendgrid.com unless given (EU accounts: https://api.eu.sendgrid.com)
 * @param categories when given, only mail of these categories is counted (SendGrid takes at most 10)
 */
public record SendgridSpec(String apiKey, Duration window, URI baseUrl, List<String> categories) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.sendgrid.com");
    /** SendGrid's limit on {@code categories} parameters of one request. */
    static final int MAX_CATEGORIES = 10;

    public SendgridSpec {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidKeyException("api_key", "missing required key \"api_key\"");
        }
        apiKey = apiKey.strip();
        window = window == null ? DEFAULT_WINDOW : window;
        if (window.isZero() || window.isNegative()) {
            throw new InvalidKeyException("window", "must be greater than 0s");
        }
        baseUrl = BaseUrl.orDefault(baseUrl, DEFAULT_BASE_URL);
        categories = categories == null ? List.of() : checked(categories);
    }

    private static List<String> checked(List<String> categories) {
        if (categories.size() > MAX_CATEGORIES) {
            throw new InvalidKeyException("categories", "SendGrid takes at most " + MAX_CATEGORIES
                    + " categories, got " + categories.size());
        }
        List<String> stripped = new ArrayList<>(categories.size());
        Set<String> seen = new HashSet<>();
        for (String category : categories) {
            if (category == null || category.isBlank()) {
                throw new InvalidKeyException("categories", "a category cannot be empty");
            }
            if (!seen.add(category.strip())) {
                throw new InvalidKeyException("categories", "category \"" + category.strip() + "\" is listed twice");
            }
            stripped.add(category.strip());
        }
        return List.copyOf(stripped);
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "SendgridSpec[window=" + window + ", baseUrl=" + baseUrl + ", categories=" + categories + "]";
    }
}
