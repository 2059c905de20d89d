package io.vigil.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.alert.AlertCandidate;
import io.vigil.alert.AlertTracker;
import io.vigil.alert.AlertTransitioned;
import io.vigil.rule.eval.VectorSample;
import io.vigil.rule.promql.Expr;
import io.vigil.rule.template.AlertTemplate;
import io.vigil.rule.template.TemplateData;
import io.vigil.sample.Labels;

/** An {@code alert:} rule: its expression, its templates and the state of its alert instances. */
public final class AlertingRule implements Rule {

    public static final String ALERT_NAME = "alertname";

    private final RuleDefinition definition;
    private final Expr expr;
    private final Map<String, AlertTemplate> labels;
    private final Map<String, AlertTemplate> annotations;
    private final AlertTracker tracker;

    AlertingRule(RuleDefinition definition, Expr expr, Map<String, AlertTemplate> labels,
            Map<String, AlertTemplate> annotations) {
        this.definition = definition;
        this.expr = expr;
        this.labels = labels;
        this.annotations = annotations;
        this.tracker = new AlertTracker(definition.holdFor(), definition.keepFiringFor());
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public Expr expr() {
        return expr;
    }

    public AlertTracker tracker() {
        return tracker;
    }

    /**
     * Turns one evaluation's result into alert instances, as Prometheus does: identity = the
     * sample's labels without __name__, plus the rule's templated labels, plus alertname.
     */
    List<AlertTransitioned> apply(List<VectorSample> result, Instant ts, TemplateContext context) {
        List<AlertCandidate> candidates = new ArrayList<>(result.size());
        for (VectorSample sample : result) {
            TemplateData data = new TemplateData(sample.labels().toMap(), sample.value(), context.externalLabels(),
                    context.externalUrl());
            Map<String, String> identity = new LinkedHashMap<>(sample.labels().toMap());
            identity.remove(Labels.METRIC_NAME);
            labels.forEach((name, template) -> identity.put(name, template.expand(data)));
            identity.put(ALERT_NAME, definition.name());
            identity.values().removeIf(String::isEmpty);
            Map<String, String> expanded = new LinkedHashMap<>();
            annotations.forEach((name, template) -> expanded.put(name, template.expand(data)));
            candidates.add(new AlertCandidate(Labels.of(identity), expanded, sample.value()));
        }
        return tracker.evaluate(candidates, ts);
    }
}
