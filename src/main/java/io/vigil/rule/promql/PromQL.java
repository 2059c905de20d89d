package io.vigil.rule.promql;

import java.util.Objects;

/**
 * Entry point: parses the PromQL subset Vigil evaluates into an immutable, type-checked tree, and
 * prints trees back as PromQL.
 */
public final class PromQL {

    private PromQL() {
    }

    /**
     * Parses and type-checks an expression. Throws {@link ParseException}, positioned and worded as
     * Prometheus would, for anything Prometheus rejects, and for the parts of PromQL Vigil does not
     * support (subqueries, the {@code @} modifier, functions outside its set).
     */
    public static Expr parse(String input) {
        Objects.requireNonNull(input, "input");
        Positions positions = new Positions();
        Expr expr = new Parser(input, positions).parse();
        new TypeChecker(input, positions).check(expr);
        return expr;
    }

    /** The expression as PromQL text; parsing it gives back an equal tree. */
    public static String print(Expr expr) {
        return Printer.print(expr);
    }
}
