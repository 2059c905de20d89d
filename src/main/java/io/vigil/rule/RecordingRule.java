package io.vigil.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.rule.eval.EvaluationException;
import io.vigil.rule.eval.VectorSample;
import io.vigil.rule.promql.Expr;
import io.vigil.sample.Labels;

/** A {@code record:} rule: its result is stored as new series named after the rule. */
public final class RecordingRule implements Rule {

    private final RuleDefinition definition;
    private final Expr expr;

    RecordingRule(RuleDefinition definition, Expr expr) {
        this.definition = definition;
        this.expr = expr;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public Expr expr() {
        return expr;
    }

    /** The series to store: each result renamed to the rule's name, with the rule's labels set. */
    List<VectorSample> apply(List<VectorSample> result) {
        List<VectorSample> out = new ArrayList<>(result.size());
        Set<Labels> seen = new HashSet<>();
        for (VectorSample sample : result) {
            Labels labels = sample.labels().with(Labels.METRIC_NAME, definition.name());
            for (Map.Entry<String, String> label : definition.labels().entrySet()) {
                labels = labels.with(label.getKey(), label.getValue());
            }
            if (!seen.add(labels)) {
                throw new EvaluationException("vector contains metrics with the same labelset after applying rule labels");
            }
            out.add(new VectorSample(labels, sample.value()));
        }
        return out;
    }
}
