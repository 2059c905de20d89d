package io.vigil.probe.statuspage;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: statuspage} probe.
 *
 * @param url a Statuspage {@code https://<status host>/api/v2/summary.json}, or Heroku's
 *            {@code https://status.heroku.com/api/v4/current-status}; both are public, so there is no key
 */
public record StatuspageSpec(URI url) {

    public StatuspageSpec {
        if (url == null) {
            throw new InvalidKeyException("url", "missing required key \"url\"");
        }
        if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))
                || url.getHost() == null) {
            throw new InvalidKeyException("url", "must be an absolute http:// or https:// URL, such as "
                    + "https://status.example.com/api/v2/summary.json");
        }
    }
}
