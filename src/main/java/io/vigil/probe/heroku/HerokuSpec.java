package io.vigil.probe.heroku;

import java.net.URI;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.api.BaseUrl;

/**
 * The keys of a {@code type: heroku} probe: the dynos of one app.
 *
 * @param app the app's name or id, as {@code GET /apps/{app}/dynos} takes it
 * @param apiKey an OAuth authorization of scope {@code read} ({@code heroku authorizations:create -s read}), written
 *        as {@code ${NAME}} so that it stays in the environment; a {@code global} token would do too, but can delete apps
 */
public record HerokuSpec(String app, String apiKey, URI baseUrl) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.heroku.com");

    /** Names are lower-case letters, digits and dashes; ids are UUIDs. Either way nothing that changes the path. */
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    public HerokuSpec {
        if (app == null || app.isBlank()) {
            throw new InvalidKeyException("app", "missing required key \"app\"");
        }
        app = app.strip();
        if (!APP.matcher(app).matches()) {
            throw new InvalidKeyException("app", "must be a Heroku app name or id, got \"" + app + "\"");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidKeyException("api_key", "missing required key \"api_key\"");
        }
        baseUrl = BaseUrl.orDefault(baseUrl, DEFAULT_BASE_URL);
    }

    /** {@code GET /apps/{app}/dynos} under the base URL. */
    public URI dynos() {
        return BaseUrl.resolve(baseUrl, "/apps/" + app + "/dynos");
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "HerokuSpec[app=" + app + ", baseUrl=" + baseUrl + "]";
    }
}
