package io.vigil.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.config.ConfigException;
import io.vigil.rule.promql.AggregateExpr;
import io.vigil.rule.promql.AggregateOp;
import io.vigil.rule.promql.BinaryExpr;
import io.vigil.rule.promql.Call;
import io.vigil.rule.promql.Expr;
import io.vigil.rule.promql.MatrixSelector;
import io.vigil.rule.promql.ParenExpr;
import io.vigil.rule.promql.ParseException;
import io.vigil.rule.promql.PromQL;
import io.vigil.rule.promql.UnaryExpr;
import io.vigil.rule.promql.ValueType;
import io.vigil.rule.template.AlertTemplate;

/**
 * Turns a rule group as written into one ready to evaluate: expressions parsed and checked,
 * templates compiled. Every problem is a {@link ConfigException} with the rule file and line.
 */
public final class RuleCompiler {

    /** The aggregations Vigil evaluates; Prometheus's others are refused at load, not at 3 a.m. */
    private static final Set<AggregateOp> SUPPORTED = Set.of(AggregateOp.SUM, AggregateOp.AVG, AggregateOp.COUNT,
            AggregateOp.MIN, AggregateOp.MAX, AggregateOp.GROUP, AggregateOp.STDDEV, AggregateOp.STDVAR);

    private RuleCompiler() {
    }

    public static RuleGroup compile(RuleGroupDefinition group, Duration defaultInterval) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < group.rules().size(); i++) {
            RuleDefinition definition = group.rules().get(i);
            String where = "group \"" + group.name() + "\", rule " + (i + 1) + ", \"" + definition.name() + "\": ";
            Expr expr = parse(definition, where);
            if (definition.kind() == RuleDefinition.Kind.RECORDING) {
                rules.add(new RecordingRule(withGroupLabels(definition, group), expr));
            } else {
                RuleDefinition withLabels = withGroupLabels(definition, group);
                rules.add(new AlertingRule(withLabels, expr, templates(withLabels, withLabels.labels(), where),
                        templates(withLabels, withLabels.annotations(), where)));
            }
        }
        return new RuleGroup(group, group.interval() == null ? defaultInterval : group.interval(), rules);
    }

    private static Expr parse(RuleDefinition definition, String where) {
        Expr expr;
        try {
            expr = PromQL.parse(definition.expr());
        } catch (ParseException e) {
            throw new ConfigException(definition.file(), definition.exprLine() + e.line() - 1,
                    where + "could not parse expression: " + e.getMessage());
        }
        if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
            throw new ConfigException(definition.file(), definition.exprLine(),
                    where + "invalid expression type \"" + expr.type() + "\": a rule must give an instant vector or a scalar");
        }
        checkSupported(expr, definition, where);
        return expr;
    }

    private static void checkSupported(Expr expr, RuleDefinition definition, String where) {
        switch (expr) {
            case AggregateExpr aggregate -> {
                if (!SUPPORTED.contains(aggregate.op())) {
                    throw new ConfigException(definition.file(), definition.exprLine(),
                            where + "aggregation " + aggregate.op().keyword() + " is not supported by Vigil");
                }
                checkSupported(aggregate.expr(), definition, where);
            }
            case BinaryExpr binary -> {
                checkSupported(binary.lhs(), definition, where);
                checkSupported(binary.rhs(), definition, where);
            }
            case Call call -> call.args().forEach(arg -> checkSupported(arg, definition, where));
            case ParenExpr paren -> checkSupported(paren.expr(), definition, where);
            case UnaryExpr unary -> checkSupported(unary.expr(), definition, where);
            case MatrixSelector matrix -> checkSupported(matrix.vector(), definition, where);
            default -> {
            }
        }
    }

    private static Map<String, AlertTemplate> templates(RuleDefinition definition, Map<String, String> texts, String where) {
        Map<String, AlertTemplate> compiled = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            AlertTemplate template = AlertTemplate.compile(definition.name(), text);
            template.parseError().ifPresent(error -> {
                throw new ConfigException(definition.file(), definition.line(), where + error);
            });
            compiled.put(name, template);
        });
        return compiled;
    }

    /** Group labels apply to every rule of the group; a rule's own label of the same name wins. */
    private static RuleDefinition withGroupLabels(RuleDefinition definition, RuleGroupDefinition group) {
        if (group.labels().isEmpty()) {
            return definition;
        }
        Map<String, String> labels = new LinkedHashMap<>(group.labels());
        labels.putAll(definition.labels());
        return new RuleDefinition(definition.kind(), definition.name(), definition.expr(), definition.holdFor(),
                definition.keepFiringFor(), labels, definition.annotations(), definition.file(), definition.line(),
                definition.exprLine());
    }
}
