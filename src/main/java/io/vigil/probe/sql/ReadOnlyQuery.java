package io.vigil.probe.sql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The config-time half of keeping a {@code sql} probe read-only. A read-only transaction is the
 * other half, but H2 (Vigil's default database) treats it as a hint only, so a query must also look
 * like a single SELECT before it is accepted. The check is lexical: literals, quoted identifiers and
 * comments are blanked out first so that {@code 'a;b'} or a column called {@code "update"} do not
 * trip it, then the remaining text must start with SELECT or WITH, hold no second statement and
 * no keyword that writes or locks.
 */
final class ReadOnlyQuery {

    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*\\$");
    private static final Pattern FIRST_KEYWORD = Pattern.compile("^\\s*\\(*\\s*(select|with)\\b");

    // A single statement starting with SELECT or WITH can still write: a data-modifying CTE, H2's
    // FINAL TABLE (INSERT ...), SELECT ... INTO new_table, a row lock, or a function with side effects.
    // Statement-level commands (SET, GRANT, VACUUM, ...) need no entry: they cannot follow SELECT.
    private static final Pattern WRITING_KEYWORD = Pattern.compile("\\b(insert|update|delete|merge|upsert|into"
            + "|create|drop|alter|truncate|call|for\\s+(?:key\\s+)?share"
            + "|nextval|setval|set_config|csvwrite|file_write|link_schema|lo_import|lo_export"
            + "|pg_terminate_backend|pg_cancel_backend|dblink_exec"
            // Reads of the host's files, sequence steps and locks that outlive the rollback.
            + "|file_read|csvread|next\\s+value|pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|lo_get"
            + "|pg_advisory_lock|pg_advisory_xact_lock|pg_try_advisory_lock)\\b");

    private ReadOnlyQuery() {
    }

    /**
     * The statement to execute: {@code query} without a trailing semicolon.
     *
     * @throws IllegalArgumentException with a message for the user when the query is not a single read-only SELECT
     */
    static String check(String query) {
        if (query.contains("$$") || DOLLAR_QUOTE.matcher(query).find()) {
            // Dollar-quoted strings (H2, PostgreSQL) are not understood by the check below, which would take what
            // they hold for code or hide code behind them: refuse them rather than guess.
            throw new IllegalArgumentException("must not use dollar-quoted strings ($$...$$); use '...' instead");
        }
        String code = blankOutLiteralsAndComments(query).toLowerCase(Locale.ROOT).strip();
        boolean trailingSemicolon = code.endsWith(";");
        if (trailingSemicolon) {
            code = code.substring(0, code.length() - 1);
        }
        if (code.indexOf(';') >= 0) {
            throw new IllegalArgumentException("must be a single statement; found a second one after \";\"");
        }
        if (!FIRST_KEYWORD.matcher(code).find()) {
            throw new IllegalArgumentException("must be a read-only query starting with SELECT or WITH");
        }
        var writing = WRITING_KEYWORD.matcher(code);
        if (writing.find()) {
            throw new IllegalArgumentException("must be a read-only query; "
                    + writing.group(1).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT) + " is not allowed");
        }
        String statement = query.strip();
        return trailingSemicolon ? statement.substring(0, statement.lastIndexOf(';')).strip() : statement;
    }

    /**
     * Replaces the inside of '...' strings, "..." identifiers and comments with spaces. An unclosed
     * one blanks out the rest, which then fails for want of a closing quote in the database, not here.
     */
    static String blankOutLiteralsAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closingQuote(sql, i, c);
            } else if (sql.startsWith("--", i)) {
                end = indexOrEnd(sql, sql.indexOf('\n', i));
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? sql.length() : close + 2;
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(" ".repeat(end - i));
            i = end;
        }
        return out.toString();
    }

    /** The index just past the quote closing the one at {@code start}; a doubled quote is part of the text. */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int indexOrEnd(String text, int index) {
        return index < 0 ? text.length() : index;
    }
}
