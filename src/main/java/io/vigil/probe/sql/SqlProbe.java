package io.vigil.probe.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.sample.Labels;

/**
 * Runs a read-only query that returns one row of numbers and exports each column. A NULL column is
 * left out rather than failing the run: {@code SELECT avg(ms) AS latency FROM requests WHERE ...}
 * over no rows is "no data", not a broken check. A column that is not a number fails the run.
 */
@ApplicationScoped
public class SqlProbe implements Probe<SqlSpec> {

    static final String VALUE = "probe_sql_value";

    @Inject
    VigilDatabase vigilDatabase;

    @Override
    public String type() {
        return "sql";
    }

    @Override
    public Class<SqlSpec> specType() {
        return SqlSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("column");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(VALUE, "Each column of the single row the probe's query returned, by lower-cased column label");
    }

    @Override
    public ProbeOutcome run(SqlSpec spec, ProbeContext context) throws ProbeFailure {
        Map<String, Double> values;
        if (spec.usesVigilDatabase()) {
            values = queryVigilDatabase(spec, context);
        } else {
            values = queryConfiguredDatasource(spec, context);
        }
        values.forEach((column, value) -> context.sample(VALUE, Labels.of("column", column), value));
        return ProbeOutcome.succeeded();
    }

    private Map<String, Double> queryVigilDatabase(SqlSpec spec, ProbeContext context) throws ProbeFailure {
        try (Connection connection = vigilDatabase.connect()) {
            return queryReadOnly(connection, spec, context);
        } catch (SQLException e) {
            // Vigil's own database URL can hold DATABASE_URL's password too.
            throw new ProbeFailure("query failed: " + ConfiguredDatasource.redactPasswords(e.getMessage()));
        }
    }

    private Map<String, Double> queryConfiguredDatasource(SqlSpec spec, ProbeContext context) throws ProbeFailure {
        String url = spec.datasource();
        Connection connection;
        try {
            connection = ConfiguredDatasource.open(url, context.remaining());
        } catch (SQLException e) {
            throw new ProbeFailure("cannot connect to " + ConfiguredDatasource.describe(url) + ": "
                    + ConfiguredDatasource.redact(e.getMessage(), url));
        }
        try (connection) {
            return queryReadOnly(connection, spec, context);
        } catch (SQLException e) {
            throw new ProbeFailure("query failed: " + ConfiguredDatasource.redact(e.getMessage(), url));
        }
    }

    /**
     * PostgreSQL applies read-only to transactions only, hence auto-commit off. The connection may be
     * a pooled one of Vigil's own, so its settings are put back and the transaction rolled back.
     */
    private static Map<String, Double> queryReadOnly(Connection connection, SqlSpec spec, ProbeContext context)
            throws SQLException, ProbeFailure {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, context.remaining().toSeconds())));
            // The one row, and one more to tell "exactly one" from "more than one" without reading them all.
            statement.setMaxRows(2);
            statement.setFetchSize(2);
            try (ResultSet rows = statement.executeQuery(spec.statement())) {
                return singleRow(rows);
            }
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Map<String, Double> singleRow(ResultSet rows) throws SQLException, ProbeFailure {
        if (!rows.next()) {
            throw new ProbeFailure("returned 0 rows; expected exactly one");
        }
        ResultSetMetaData columns = rows.getMetaData();
        Map<String, Double> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String column = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (!seen.add(column)) {
                throw new ProbeFailure("column \"" + column + "\" appears twice; give each column its own name with AS");
            }
            Double value = number(rows.getObject(i), column, columns.getColumnTypeName(i));
            if (value != null) {
                values.put(column, value);
            }
        }
        if (rows.next()) {
            throw new ProbeFailure("returned more than one row; expected exactly one");
        }
        return values;
    }

    /** The column's value as a double; null for SQL NULL. A boolean counts as 1 or 0. */
    private static Double number(Object value, String column, String typeName) throws ProbeFailure {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        throw new ProbeFailure("column \"" + column + "\" is not a number (" + typeName.toLowerCase(Locale.ROOT)
                + "); every column must be numeric");
    }
}
