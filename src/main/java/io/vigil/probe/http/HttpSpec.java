package io.vigil.probe.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.TlsConfig;

/** The keys of a {@code type: http} probe, named as blackbox_exporter's http prober names them. */
public record HttpSpec(URI url, String method, Map<String, String> headers, String body,
        List<Integer> validStatusCodes, List<Pattern> failIfBodyMatchesRegexp, List<Pattern> failIfBodyNotMatchesRegexp,
        Boolean noFollowRedirects, TlsConfig tlsConfig, BasicAuth basicAuth, String bearerToken) {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public HttpSpec {
        if (url == null) {
            throw new InvalidKeyException("url", "missing required key \"url\"");
        }
        if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))
                || url.getHost() == null) {
            throw new InvalidKeyException("url", "must be an absolute http:// or https:// URL");
        }
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new InvalidKeyException("method", "unsupported HTTP method \"" + method + "\"");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        validStatusCodes = validStatusCodes == null ? List.of() : List.copyOf(validStatusCodes);
        for (int code : validStatusCodes) {
            if (code < 100 || code > 599) {
                throw new InvalidKeyException("valid_status_codes", "HTTP status codes run from 100 to 599, got " + code);
            }
        }
        failIfBodyMatchesRegexp = failIfBodyMatchesRegexp == null ? List.of() : List.copyOf(failIfBodyMatchesRegexp);
        failIfBodyNotMatchesRegexp = failIfBodyNotMatchesRegexp == null ? List.of() : List.copyOf(failIfBodyNotMatchesRegexp);
        noFollowRedirects = noFollowRedirects != null && noFollowRedirects;
        tlsConfig = tlsConfig == null ? TlsConfig.DEFAULT : tlsConfig;
        if (basicAuth != null && bearerToken != null) {
            throw new InvalidKeyException("bearer_token", "set basic_auth or bearer_token, not both");
        }
    }

    /** Whether {@code status} counts as success: the listed codes, or any 2xx when none are listed. */
    public boolean isValidStatus(int status) {
        return validStatusCodes.isEmpty() ? status >= 200 && status < 300 : validStatusCodes.contains(status);
    }

    /** {@code basic_auth}: username and password, the password usually given as ${ENV}. */
    public record BasicAuth(String username, String password) {

        public BasicAuth {
            if (username == null) {
                throw new InvalidKeyException("basic_auth.username", "missing required key \"username\"");
            }
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", password=<secret>]";
        }
    }

    @Override
    public String toString() {
        return "HttpSpec[url=" + url.getScheme() + "://" + url.getHost() + url.getRawPath() + ", method=" + method + "]";
    }
}
