package io.vigil.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.alert.AlertState;
import io.vigil.alert.AlertTransitioned;
import io.vigil.alert.DuplicateAlertException;
import io.vigil.rule.eval.EvaluationException;
import io.vigil.rule.eval.Evaluator;
import io.vigil.rule.eval.InstantVector;
import io.vigil.rule.eval.Scalar;
import io.vigil.rule.eval.SeriesSource;
import io.vigil.rule.eval.Value;
import io.vigil.rule.eval.VectorSample;
import io.vigil.sample.Labels;

/**
 * A rule group ready to evaluate: its rules in file order, each evaluated at the group's
 * timestamp (less its query offset), recording rules' output visible to the rules after them.
 */
public final class RuleGroup {

    private final RuleGroupDefinition definition;
    private final Duration interval;
    private final List<Rule> rules;
    private final Map<Rule, RuleHealth> health = new ConcurrentHashMap<>();

    RuleGroup(RuleGroupDefinition definition, Duration interval, List<Rule> rules) {
        this.definition = definition;
        this.interval = interval;
        this.rules = List.copyOf(rules);
    }

    public RuleGroupDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public Duration interval() {
        return interval;
    }

    public List<Rule> rules() {
        return rules;
    }

    public RuleHealth health(Rule rule) {
        return health.getOrDefault(rule, RuleHealth.UNKNOWN);
    }

    /** Evaluates every rule at {@code ts}; a failing rule is reported in its health and the others go on. */
    public synchronized List<AlertTransitioned> evaluate(Instant ts, SeriesSource source, RecordedSeries recorded,
            TemplateContext context) {
        Evaluator evaluator = new Evaluator(source);
        Instant queryTime = ts.minus(definition.queryOffset());
        List<AlertTransitioned> transitions = new ArrayList<>();
        for (Rule rule : rules) {
            long start = System.nanoTime();
            String error = null;
            try {
                List<VectorSample> result = vector(evaluator.evaluate(rule.expr(), queryTime));
                switch (rule) {
                    case AlertingRule alerting -> transitions.addAll(alert(alerting, result, ts, context));
                    case RecordingRule recording -> {
                        List<VectorSample> samples = recording.apply(result);
                        checkLimit(samples.size(), "series");
                        recorded.record(ts.toEpochMilli(), samples);
                    }
                }
            } catch (EvaluationException | DuplicateAlertException e) {
                error = e.getMessage();
            }
            health.put(rule, new RuleHealth(error == null ? RuleHealth.Status.OK : RuleHealth.Status.ERR, ts,
                    (System.nanoTime() - start) / 1e9, error));
        }
        return transitions;
    }

    private List<AlertTransitioned> alert(AlertingRule rule, List<VectorSample> result, Instant ts, TemplateContext context) {
        List<AlertTransitioned> transitions = rule.apply(result, ts, context);
        long active = rule.tracker().alerts().stream().filter(a -> a.state() != AlertState.INACTIVE).count();
        if (definition.limit() > 0 && active > definition.limit()) {
            // As Prometheus: over the limit, the rule's alerts are all dropped rather than a random subset kept.
            transitions.addAll(rule.tracker().evaluate(List.of(), ts));
            throw new EvaluationException("exceeded limit of " + definition.limit() + " with " + active + " alerts");
        }
        return transitions;
    }

    private void checkLimit(int count, String what) {
        if (definition.limit() > 0 && count > definition.limit()) {
            throw new EvaluationException("exceeded limit of " + definition.limit() + " with " + count + " " + what);
        }
    }

    private static List<VectorSample> vector(Value value) {
        return switch (value) {
            case InstantVector vector -> vector.samples();
            case Scalar scalar -> List.of(new VectorSample(Labels.EMPTY, scalar.value()));
            default -> throw new EvaluationException("rule result is not an instant vector or a scalar");
        };
    }
}
