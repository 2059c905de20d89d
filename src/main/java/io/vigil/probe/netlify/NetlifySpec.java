package io.vigil.probe.netlify;

import java.net.URI;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.api.BaseUrl;

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
        baseUrl = BaseUrl.orDefault(baseUrl, DEFAULT_BASE_URL);
    }

    /** The newest deploy only: Netlify lists deploys newest first. */
    public URI latestDeploy() {
        return BaseUrl.resolve(baseUrl, "/api/v1/sites/" + siteId + "/deploys?production=true&per_page=1");
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "NetlifySpec[siteId=" + siteId + ", baseUrl=" + baseUrl + "]";
    }
}
