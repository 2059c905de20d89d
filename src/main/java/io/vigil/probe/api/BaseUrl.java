package io.vigil.probe.api;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.vigil.config.InvalidKeyException;

/** The {@code base_url} key every SaaS probe has: the API's root, changed for tests, EU regions and proxies. */
public final class BaseUrl {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private BaseUrl() {
    }

    /**
     * The configured root, or {@code fallback} when none is given; an {@link InvalidKeyException} naming
     * {@code base_url} unless it is an absolute http(s) URL without query, fragment or credentials (paths are kept, for
     * proxies that mount the API under one).
     */
    public static URI orDefault(URI configured, URI fallback) {
        URI url = configured == null ? fallback : configured;
        if (url.getScheme() == null || !SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))
                || url.getHost() == null) {
            throw new InvalidKeyException("base_url", "must be an absolute http:// or https:// URL");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new InvalidKeyException("base_url", "must have no query, fragment or credentials");
        }
        return url;
    }

    /** {@code pathAndQuery} (starting with {@code /}) under the root, whatever slashes the root ends with. */
    public static URI resolve(URI root, String pathAndQuery) {
        return URI.create(root.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
