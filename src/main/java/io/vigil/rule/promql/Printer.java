package io.vigil.rule.promql;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Prints a tree as PromQL the way Prometheus's printer does, so that parsing the text gives back an
 * equal tree. Trees from the parser keep their parentheses; for trees built by hand, parentheses are
 * added where the text would otherwise group differently.
 */
final class Printer {

    private Printer() {
    }

    static String print(Expr expr) {
        StringBuilder out = new StringBuilder();
        write(out, expr);
        return out.toString();
    }

    private static void write(StringBuilder out, Expr expr) {
        switch (expr) {
            case NumberLiteral number -> out.append(number(number.value()));
            case StringLiteral string -> out.append(Quoting.quote(string.value()));
            case VectorSelector selector -> {
                selector(out, selector);
                offset(out, selector.offset());
            }
            case MatrixSelector matrix -> {
                selector(out, matrix.vector());
                out.append('[').append(Durations.format(matrix.range())).append(']');
                offset(out, matrix.vector().offset());
            }
            case ParenExpr paren -> {
                out.append('(');
                write(out, paren.expr());
                out.append(')');
            }
            case UnaryExpr unary -> {
                out.append(unary.op());
                boolean wrap = unary.expr() instanceof BinaryExpr operand && operand.op() != BinaryOp.POW;
                writeWrapped(out, unary.expr(), wrap);
            }
            case BinaryExpr binary -> binary(out, binary);
            case AggregateExpr aggregate -> aggregate(out, aggregate);
            case Call call -> {
                out.append(call.function().functionName()).append('(');
                for (int i = 0; i < call.args().size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    write(out, call.args().get(i));
                }
                out.append(')');
            }
        }
    }

    private static void binary(StringBuilder out, BinaryExpr binary) {
        BinaryOp op = binary.op();
        writeWrapped(out, binary.lhs(), lhsNeedsParens(op, binary.lhs()));
        out.append(' ').append(op.symbol());
        if (binary.returnBool()) {
            out.append(" bool");
        }
        VectorMatching matching = binary.matching();
        if (matching != null) {
            boolean grouped = matching.card() == VectorMatching.Cardinality.MANY_TO_ONE
                    || matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
            if (!matching.labels().isEmpty() || matching.on() || grouped) {
                out.append(matching.on() ? " on " : " ignoring ");
                labels(out, matching.labels());
            }
            if (grouped) {
                out.append(matching.card() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left " : " group_right ");
                labels(out, matching.include());
            }
        }
        out.append(' ');
        writeWrapped(out, binary.rhs(), rhsNeedsParens(op, binary.rhs()));
    }

    private static boolean lhsNeedsParens(BinaryOp op, Expr lhs) {
        if (lhs instanceof BinaryExpr child) {
            return child.op().precedence() < op.precedence()
                    || child.op().precedence() == op.precedence() && op.isRightAssociative();
        }
        // "-a ^ b" would read as "-(a ^ b)".
        boolean negative = lhs instanceof NumberLiteral number && (number.value() < 0 || isNegativeZero(number.value()));
        return op == BinaryOp.POW && (lhs instanceof UnaryExpr || negative);
    }

    private static boolean rhsNeedsParens(BinaryOp op, Expr rhs) {
        return rhs instanceof BinaryExpr child && (child.op().precedence() < op.precedence()
                || child.op().precedence() == op.precedence() && !op.isRightAssociative());
    }

    private static void aggregate(StringBuilder out, AggregateExpr aggregate) {
        out.append(aggregate.op().keyword());
        if (aggregate.without()) {
            out.append(" without ");
            labels(out, aggregate.grouping());
            out.append(' ');
        } else if (!aggregate.grouping().isEmpty()) {
            out.append(" by ");
            labels(out, aggregate.grouping());
            out.append(' ');
        }
        out.append('(');
        if (aggregate.param() != null) {
            write(out, aggregate.param());
            out.append(", ");
        }
        write(out, aggregate.expr());
        out.append(')');
    }

    private static void selector(StringBuilder out, VectorSelector selector) {
        String name = selector.metricName();
        List<LabelMatcher> matchers = selector.matchers();
        // The parser appends the matcher for a name written outside the braces; print it as a name.
        // Unlike Prometheus the rest keep their order, so that the text parses back to an equal tree.
        if (name != null && !matchers.isEmpty() && matchers.getLast().equals(LabelMatcher.metricName(name))) {
            matchers = matchers.subList(0, matchers.size() - 1);
            out.append(name);
        }
        if (!matchers.isEmpty() || name == null) {
            out.append('{');
            for (int i = 0; i < matchers.size(); i++) {
                out.append(i > 0 ? "," : "").append(matchers.get(i));
            }
            out.append('}');
        }
    }

    private static void offset(StringBuilder out, Duration offset) {
        if (!offset.isZero()) {
            out.append(" offset ").append(Durations.format(offset));
        }
    }

    private static void labels(StringBuilder out, List<String> labels) {
        out.append('(');
        for (int i = 0; i < labels.size(); i++) {
            out.append(i > 0 ? ", " : "").append(Quoting.labelName(labels.get(i)));
        }
        out.append(')');
    }

    private static void writeWrapped(StringBuilder out, Expr expr, boolean wrap) {
        if (wrap) {
            out.append('(');
        }
        write(out, expr);
        if (wrap) {
            out.append(')');
        }
    }

    /** Like Go's {@code FormatFloat(v, 'f', -1, 64)}: shortest exact digits, never an exponent. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return isNegativeZero(value) ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
    }
}
