package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.rule.promql.Call;
import io.vigil.rule.promql.Expr;
import io.vigil.rule.promql.LabelMatcher;
import io.vigil.rule.promql.MatrixSelector;
import io.vigil.rule.promql.ParenExpr;
import io.vigil.rule.promql.StringLiteral;
import io.vigil.rule.promql.VectorSelector;
import io.vigil.sample.Labels;

/** The instant-vector and scalar functions of the subset; range functions live in {@link RangeFunctions}. */
final class Functions {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Functions() {
    }

    static Value call(Call call, Evaluation evaluation) {
        List<Expr> args = call.args();
        return switch (call.function()) {
            case TIME -> new Scalar(evaluation.timestamp() / 1000.0);
            case ABS -> map(evaluation.vector(args.get(0)), Math::abs);
            case CEIL -> map(evaluation.vector(args.get(0)), Math::ceil);
            case FLOOR -> map(evaluation.vector(args.get(0)), Math::floor);
            case ROUND -> round(evaluation.vector(args.get(0)), args.size() > 1 ? evaluation.scalar(args.get(1)) : 1);
            case CLAMP_MIN -> clamp(evaluation.vector(args.get(0)), evaluation.scalar(args.get(1)), Double.POSITIVE_INFINITY);
            case CLAMP_MAX -> clamp(evaluation.vector(args.get(0)), Double.NEGATIVE_INFINITY, evaluation.scalar(args.get(1)));
            case SCALAR -> scalar(evaluation.vector(args.get(0)));
            case VECTOR -> new InstantVector(List.of(new VectorSample(Labels.EMPTY, evaluation.scalar(args.get(0)))));
            case ABSENT -> absent(evaluation.vector(args.get(0)).samples().isEmpty(), args.get(0));
            case ABSENT_OVER_TIME -> absent(((RangeVector) evaluation.eval(args.get(0))).series().isEmpty(),
                    ((MatrixSelector) args.get(0)).vector());
            case LABEL_REPLACE -> labelReplace(evaluation.vector(args.get(0)), string(args.get(1)), string(args.get(2)),
                    string(args.get(3)), string(args.get(4)));
            default -> RangeFunctions.call(call.function(), (RangeVector) evaluation.eval(args.get(0)));
        };
    }

    private static InstantVector map(InstantVector vector, DoubleUnaryOperator operation) {
        List<VectorSample> out = new ArrayList<>(vector.samples().size());
        for (VectorSample sample : vector.samples()) {
            out.add(new VectorSample(Evaluation.dropName(sample.labels()), operation.applyAsDouble(sample.value())));
        }
        return new InstantVector(out);
    }

    private static InstantVector round(InstantVector vector, double toNearest) {
        // As Prometheus: multiply by the inverse so that e.g. 0.1 rounds without binary noise.
        double inverse = 1 / toNearest;
        return map(vector, v -> Math.floor(v * inverse + 0.5) / inverse);
    }

    private static InstantVector clamp(InstantVector vector, double min, double max) {
        return map(vector, v -> Math.max(min, Math.min(max, v)));
    }

    private static Scalar scalar(InstantVector vector) {
        return new Scalar(vector.samples().size() == 1 ? vector.samples().get(0).value() : Double.NaN);
    }

    /**
     * absent(): one sample valued 1 when the argument has none, labelled with the argument's
     * equality matchers (a label matched twice is left out, as it could not hold both values).
     */
    private static InstantVector absent(boolean empty, Expr argument) {
        if (!empty) {
            return InstantVector.EMPTY;
        }
        Map<String, String> labels = new TreeMap<>();
        if (argument instanceof VectorSelector selector) {
            Set<String> seenTwice = new HashSet<>();
            for (LabelMatcher matcher : selector.matchers()) {
                if (matcher.type() != LabelMatcher.Type.EQ || matcher.name().equals(Labels.METRIC_NAME)) {
                    continue;
                }
                if (labels.put(matcher.name(), matcher.value()) != null) {
                    seenTwice.add(matcher.name());
                }
            }
            labels.keySet().removeAll(seenTwice);
        }
        return new InstantVector(List.of(new VectorSample(Labels.of(labels), 1)));
    }

    private static InstantVector labelReplace(InstantVector vector, String destination, String replacement,
            String sourceLabel, String regex) {
        if (!LABEL_NAME.matcher(destination).matches()) {
            throw new EvaluationException("invalid destination label name in label_replace(): " + destination);
        }
        Pattern pattern = LabelMatcher.compileAnchored(regex);
        List<VectorSample> out = new ArrayList<>(vector.samples().size());
        Set<Labels> seen = new HashSet<>();
        for (VectorSample sample : vector.samples()) {
            String value = sample.labels().get(sourceLabel);
            Matcher matcher = pattern.matcher(value == null ? "" : value);
            Labels labels = sample.labels();
            if (matcher.matches()) {
                labels = labels.with(destination, GoRegexpExpand.expand(replacement, matcher));
            }
            if (!seen.add(labels)) {
                throw new EvaluationException("vector cannot contain metrics with the same labelset");
            }
            out.add(new VectorSample(labels, sample.value()));
        }
        return new InstantVector(out);
    }

    private static String string(Expr expr) {
        return ((StringLiteral) unparen(expr)).value();
    }

    private static Expr unparen(Expr expr) {
        return expr instanceof ParenExpr paren ? unparen(paren.expr()) : expr;
    }
}
