package io.vigil.probe.sql;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: sql} probe.
 *
 * <p>{@code query} must be one read-only SELECT (or WITH ... SELECT) returning exactly one row whose
 * columns are numbers; each becomes {@code probe_sql_value{column="<label>"}}. It is checked here,
 * because H2 does not enforce read-only transactions, and run in a read-only transaction as well.
 *
 * <p>{@code datasource} is where it runs. Left out, that is Vigil's own database (H2, or PostgreSQL
 * when DATABASE_URL is set). Otherwise it is a full JDBC URL, credentials included
 * ({@code jdbc:postgresql://host:5432/db?user=u&password=p} or {@code jdbc:h2:...;USER=u;PASSWORD=p}),
 * written as {@code ${NAME}} so that it stays in the environment; a connection is opened for each
 * run. Named datasources from application.properties are not offered: Quarkus fixes those at build
 * time, so vigil.yaml could not add one. The URL never appears in reasons, logs or {@link #toString()}.
 *
 * @param query the SELECT to run
 * @param datasource a JDBC URL, or null for Vigil's own database
 */
public record SqlSpec(String query, String datasource) {

    static final String SUPPORTED_URLS = "jdbc:postgresql: or jdbc:h2:";

    public SqlSpec {
        if (query == null || query.isBlank()) {
            throw new InvalidKeyException("query", "missing required key \"query\"");
        }
        try {
            ReadOnlyQuery.check(query);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("query", e.getMessage());
        }
        if (datasource != null && !datasource.startsWith("jdbc:postgresql:") && !datasource.startsWith("jdbc:h2:")) {
            // Not echoing the value: it is meant to hold a password.
            throw new InvalidKeyException("datasource", "must be a JDBC URL starting with " + SUPPORTED_URLS
                    + ", given as ${NAME}; leave it out to query Vigil's own database");
        }
    }

    /** The query as sent to the database, without a trailing semicolon. */
    String statement() {
        return ReadOnlyQuery.check(query);
    }

    boolean usesVigilDatabase() {
        return datasource == null;
    }

    /** Never the datasource URL: it may hold a password, and a spec may end up in a log line. */
    @Override
    public String toString() {
        return "SqlSpec[query=" + query + ", datasource=" + (usesVigilDatabase() ? "vigil" : "configured") + "]";
    }
}
