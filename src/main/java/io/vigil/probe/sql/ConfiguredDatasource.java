package io.vigil.probe.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datasource given as a JDBC URL in a probe's {@code datasource} key. The URL carries the
 * credentials, so everything shown to a user names it by host at most.
 */
final class ConfiguredDatasource {

    private static final Pattern HOST = Pattern.compile("^jdbc:[a-z0-9]+:(?:tcp:|ssl:)?//(?:[^@/]*@)?([^/:?;,]+)");
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*=\\s*)[^;&\\s\"]*");

    private ConfiguredDatasource() {
    }

    /**
     * Opens a connection per run: a probe that runs every few minutes gains little from a pool, and
     * a pool would keep a connection to someone else's database open between runs. The login
     * timeout is passed per connection, because {@link DriverManager#setLoginTimeout} is global.
     */
    static Connection open(String url, Duration remaining) throws SQLException {
        Properties settings = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            String seconds = String.valueOf(Math.max(1, remaining.toSeconds()));
            settings.setProperty("loginTimeout", seconds);
            settings.setProperty("connectTimeout", seconds);
        }
        // H2 refuses settings it does not know, and an embedded or in-memory database needs no timeout.
        return DriverManager.getConnection(url, settings);
    }

    /** "the configured datasource", with its host when the URL names one. */
    static String describe(String url) {
        Matcher host = HOST.matcher(url);
        return host.find() ? "the configured datasource at " + host.group(1) : "the configured datasource";
    }

    /** A driver's message with the URL and any password in it taken out: H2 quotes a malformed URL whole. */
    static String redact(String message, String url) {
        if (message == null) {
            return "";
        }
        return redactPasswords(message.replace(url, describe(url)));
    }

    /** Any {@code password=...} setting a driver quotes from a URL or its properties. */
    static String redactPasswords(String message) {
        return message == null ? "" : PASSWORD_SETTING.matcher(message).replaceAll("$1***");
    }
}
