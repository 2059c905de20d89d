package io.vigil.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code DATABASE_URL} (Heroku's {@code postgres://user:pass@host:port/db}, or a JDBC URL)
 * into the neutral {@code vigil.db.*} keys that application.properties maps onto the two
 * datasources. Unset means the embedded H2 database.
 */
public final class DatabaseUrl {

    public static final String KIND = "vigil.db.kind";
    public static final String H2_URL = "vigil.db.h2-url";
    public static final String H2_ACTIVE = "vigil.db.h2-active";
    public static final String PG_URL = "vigil.db.pg-url";
    public static final String PG_USERNAME = "vigil.db.pg-username";
    public static final String PG_PASSWORD = "vigil.db.pg-password";
    public static final String PG_ACTIVE = "vigil.db.pg-active";

    private DatabaseUrl() {
    }

    public static Map<String, String> toProperties(String databaseUrl) {
        return toProperties(databaseUrl, null, null);
    }

    /**
     * As {@link #toProperties(String)}; {@code username} and {@code password} (DATABASE_USERNAME,
     * DATABASE_PASSWORD) apply to a PostgreSQL URL that carries no credentials of its own.
     */
    public static Map<String, String> toProperties(String databaseUrl, String username, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        boolean postgres = false;
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            String url = databaseUrl.strip();
            if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
                postgres = true;
                readUri(properties, parse(url));
            } else if (url.startsWith("jdbc:postgresql:")) {
                postgres = true;
                URI uri = parse(url.substring("jdbc:".length()));
                if (uri.getRawUserInfo() != null) {
                    readUri(properties, uri);
                } else {
                    properties.put(PG_URL, url);
                }
            } else if (url.startsWith("jdbc:h2:")) {
                properties.put(H2_URL, url);
            } else {
                throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql://, "
                        + "jdbc:postgresql: or jdbc:h2: (got a URL starting with \"" + scheme(url) + "\")");
            }
        }
        if (postgres && !properties.containsKey(PG_USERNAME) && username != null && !username.isBlank()) {
            properties.put(PG_USERNAME, username);
            if (password != null) {
                properties.put(PG_PASSWORD, password);
            }
        }
        properties.put(KIND, postgres ? "postgresql" : "h2");
        properties.put(PG_ACTIVE, Boolean.toString(postgres));
        properties.put(H2_ACTIVE, Boolean.toString(!postgres));
        return properties;
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            // The URL may hold a password: never repeat it in the message.
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL");
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon + 1);
    }

    private static void readUri(Map<String, String> properties, URI uri) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host name");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        properties.put(PG_URL, "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            // Split before decoding: an encoded ':' (%3A) belongs to the password.
            int colon = userInfo.indexOf(':');
            properties.put(PG_USERNAME, decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.put(PG_PASSWORD, decode(userInfo.substring(colon + 1)));
            }
        }
    }

    /** Percent-decoding only: in a URL's user info a '+' is a plus sign, not a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
