package io.vigil.rule;

import java.util.HashSet;
import java.util.Set;

import io.vigil.rule.promql.AggregateExpr;
import io.vigil.rule.promql.BinaryExpr;
import io.vigil.rule.promql.Call;
import io.vigil.rule.promql.Expr;
import io.vigil.rule.promql.MatrixSelector;
import io.vigil.rule.promql.ParenExpr;
import io.vigil.rule.promql.UnaryExpr;
import io.vigil.rule.promql.VectorSelector;

/** Which metrics a group's expressions read, so that a new sample wakes only the groups it concerns. */
final class RuleReads {

    /** Stands for a selector without a metric name ({@code {job="x"}}): it may read anything. */
    static final String ANY = "";

    private RuleReads() {
    }

    static Set<String> metricsOf(RuleGroup group) {
        Set<String> metrics = new HashSet<>();
        group.rules().forEach(rule -> collect(rule.expr(), metrics));
        return Set.copyOf(metrics);
    }

    private static void collect(Expr expr, Set<String> metrics) {
        switch (expr) {
            case VectorSelector selector -> metrics.add(selector.metricName() == null ? ANY : selector.metricName());
            case MatrixSelector matrix -> collect(matrix.vector(), metrics);
            case AggregateExpr aggregate -> collect(aggregate.expr(), metrics);
            case BinaryExpr binary -> {
                collect(binary.lhs(), metrics);
                collect(binary.rhs(), metrics);
            }
            case Call call -> call.args().forEach(arg -> collect(arg, metrics));
            case ParenExpr paren -> collect(paren.expr(), metrics);
            case UnaryExpr unary -> collect(unary.expr(), metrics);
            default -> {
            }
        }
    }
}
