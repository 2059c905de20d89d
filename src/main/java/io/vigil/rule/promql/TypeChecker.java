package io.vigil.rule.promql;

import io.vigil.rule.promql.Positions.BinarySyntax;
import io.vigil.rule.promql.Positions.Span;
import io.vigil.rule.promql.VectorMatching.Cardinality;

/**
 * Checks a syntactically valid tree the way Prometheus's checkAST does, children before parents,
 * and reports the first problem with Prometheus's wording at the text it concerns.
 */
final class TypeChecker {

    private final String input;
    private final Positions positions;

    TypeChecker(String input, Positions positions) {
        this.input = input;
        this.positions = positions;
    }

    ValueType check(Expr expr) {
        switch (expr) {
            case AggregateExpr aggregate -> aggregate(aggregate);
            case BinaryExpr binary -> binary(binary);
            case Call call -> call(call);
            case ParenExpr paren -> check(paren.expr());
            case UnaryExpr unary -> {
                ValueType type = check(unary.expr());
                if (type != ValueType.SCALAR && type != ValueType.VECTOR) {
                    throw error(unary, "unary expression only allowed on expressions of type scalar or instant vector, got \""
                            + type.documentedName() + "\"");
                }
            }
            case MatrixSelector matrix -> check(matrix.vector());
            case VectorSelector selector -> selector(selector);
            case NumberLiteral ignored -> {
                // Literals are always well typed.
            }
            case StringLiteral ignored -> {
                // Literals are always well typed.
            }
        }
        return expr.type();
    }

    private void aggregate(AggregateExpr aggregate) {
        expectType(aggregate.expr(), ValueType.VECTOR, "aggregation expression");
        if (aggregate.op().hasParam()) {
            expectType(aggregate.param(), aggregate.op().paramType(), "aggregation parameter");
        }
    }

    private void binary(BinaryExpr binary) {
        ValueType lhs = check(binary.lhs());
        ValueType rhs = check(binary.rhs());
        BinaryOp op = binary.op();
        BinarySyntax syntax = positions.binary(binary);
        VectorMatching written = syntax.written();
        if (binary.returnBool() && !op.isComparison()) {
            throw error(syntax.operator(), "bool modifier can only be used on comparison operators");
        }
        if (op.isComparison() && !binary.returnBool() && lhs == ValueType.SCALAR && rhs == ValueType.SCALAR) {
            throw error(syntax.operator(), "comparisons between scalars must use BOOL modifier");
        }
        if (written.on()) {
            for (String label : written.labels()) {
                if (written.include().contains(label)) {
                    throw error(syntax.operator(), "label " + Quoting.quote(label) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        expectOperand(binary.lhs(), lhs);
        expectOperand(binary.rhs(), rhs);
        boolean vectors = lhs == ValueType.VECTOR && rhs == ValueType.VECTOR;
        if (!vectors && !written.labels().isEmpty()) {
            throw error(binary, "vector matching only allowed between instant vectors");
        }
        if (vectors && op.isSetOperator()
                && (written.card() == Cardinality.MANY_TO_ONE || written.card() == Cardinality.ONE_TO_MANY)) {
            throw error(binary, "no grouping allowed for " + Quoting.quote(op.symbol()) + " operation");
        }
        if ((lhs == ValueType.SCALAR || rhs == ValueType.SCALAR) && op.isSetOperator()) {
            throw error(binary, "set operator " + Quoting.quote(op.symbol()) + " not allowed in binary scalar expression");
        }
    }

    private void expectOperand(Expr operand, ValueType type) {
        if (type != ValueType.SCALAR && type != ValueType.VECTOR) {
            throw error(operand, "binary expression must contain only scalar and instant vector types");
        }
    }

    private void call(Call call) {
        Function function = call.function();
        int given = call.args().size();
        String name = Quoting.quote(function.functionName());
        if (function.variadic() == 0 && given != function.argTypes().size()) {
            throw error(call, "expected " + function.argTypes().size() + " argument(s) in call to " + name + ", got " + given);
        }
        if (given < function.minArgs()) {
            throw error(call, "expected at least " + function.minArgs() + " argument(s) in call to " + name + ", got " + given);
        }
        if (function.maxArgs() >= 0 && given > function.maxArgs()) {
            throw error(call, "expected at most " + function.maxArgs() + " argument(s) in call to " + name + ", got " + given);
        }
        for (int i = 0; i < given; i++) {
            expectType(call.args().get(i), function.argType(i), "call to function " + name);
        }
    }

    private void selector(VectorSelector selector) {
        if (selector.metricName() != null) {
            // The last matcher is the one for the name outside the braces; any other name clashes.
            for (LabelMatcher matcher : selector.matchers().subList(0, selector.matchers().size() - 1)) {
                if (matcher.name().equals(LabelMatcher.METRIC_NAME)) {
                    throw error(selector, "metric name must not be set twice: " + Quoting.quote(selector.metricName())
                            + " or " + Quoting.quote(matcher.value()));
                }
            }
            return;
        }
        // Refuse selectors that would select every series, which is almost always a typo.
        if (selector.matchers().stream().allMatch(matcher -> matcher.matches(""))) {
            throw error(selector, "vector selector must contain at least one non-empty matcher");
        }
    }

    private void expectType(Expr expr, ValueType wanted, String context) {
        ValueType type = check(expr);
        if (type != wanted) {
            throw error(expr, "expected type " + wanted.documentedName() + " in " + context + ", got " + type.documentedName());
        }
    }

    private ParseException error(Expr expr, String message) {
        return error(positions.of(expr), message);
    }

    private ParseException error(Span span, String message) {
        return ParseException.at(input, span.start(), span.end(), message);
    }
}
