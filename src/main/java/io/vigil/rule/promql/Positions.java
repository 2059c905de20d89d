package io.vigil.rule.promql;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each node of one parse came from, kept beside the tree so that the tree itself compares by
 * value while the type checker can still point at the text it complains about.
 */
final class Positions {

    record Span(int start, int end) {
    }

    /** A binary operation's operator and modifiers as written, before the matching is normalised. */
    record BinarySyntax(Span operator, VectorMatching written) {
    }

    private final Map<Expr, Span> spans = new IdentityHashMap<>();
    private final Map<BinaryExpr, BinarySyntax> binaries = new IdentityHashMap<>();

    <T extends Expr> T record(T expr, int start, int end) {
        spans.put(expr, new Span(start, end));
        return expr;
    }

    void recordBinary(BinaryExpr expr, BinarySyntax syntax) {
        binaries.put(expr, syntax);
    }

    Span of(Expr expr) {
        Span span = spans.get(expr);
        if (span == null) {
            throw new IllegalStateException("no position recorded for " + expr);
        }
        return span;
    }

    int start(Expr expr) {
        return of(expr).start();
    }

    int end(Expr expr) {
        return of(expr).end();
    }

    BinarySyntax binary(BinaryExpr expr) {
        return binaries.get(expr);
    }
}
