package io.vigil.probe.netlify;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: netlify} probe: the latest deploy of one site.
 *
 * @param siteId the site's API id (a UUID) or its domain, e.g. {@code acme-web.netlify.app}
 * @param apiKey a personal access token, written as {@code ${NAME}} so that it stays in the environment
 */
public record NetlifySpec(String siteId, String apiKey, URI baseUrl) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.netlify.com");

    /** A UUID or a host name: nothing that changes the path. */
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    public NetlifySpec {
        if (siteId == null || siteId.isBlank()) {
            throw new InvalidKeyException("site_id", "missing required key \"site_id\"");
        }
        siteId = siteId.strip();
        if (!SITE.matcher(siteId).matches()) {
            throw new InvalidKeyException("site_id", "must be a Netlify site id or domain, got \"" + siteId + "\"");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidKeyException("api_key", "missing required key \"api_key\"");
        }
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        if (baseUrl.getScheme() == null || !Set.of("http", "https").contains(baseUrl.getScheme().toLowerCase(Locale.ROOT))
                || baseUrl.getHost() == null) {
            throw new InvalidKeyException("base_url", "must be an absolute http:// or https:// URL");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new InvalidKeyException("base_url", "must have no query, fragment or credentials");
        }
    }

    /** The newest deploy only: Netlify lists deploys newest first. */
    public URI latestDeploy() {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api/v1/sites/" + siteId + "/deploys?per_page=1");
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "NetlifySpec[siteId=" + siteId + ", baseUrl=" + baseUrl + "]";
    }
}
