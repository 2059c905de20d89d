package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.vigil.rule.promql.AggregateExpr;
import io.vigil.rule.promql.BinaryExpr;
import io.vigil.rule.promql.Call;
import io.vigil.rule.promql.Expr;
import io.vigil.rule.promql.LabelMatcher;
import io.vigil.rule.promql.MatrixSelector;
import io.vigil.rule.promql.NumberLiteral;
import io.vigil.rule.promql.ParenExpr;
import io.vigil.rule.promql.StringLiteral;
import io.vigil.rule.promql.UnaryExpr;
import io.vigil.rule.promql.VectorSelector;
import io.vigil.sample.Labels;
import io.vigil.sample.SeriesBuffer;
import io.vigil.sample.SeriesKey;
import io.vigil.sample.Staleness;

/** One evaluation of one expression at one timestamp: the recursive walk over the tree. */
final class Evaluation {

    private final SeriesSource source;
    private final long timestamp;

    Evaluation(SeriesSource source, long timestamp) {
        this.source = source;
        this.timestamp = timestamp;
    }

    long timestamp() {
        return timestamp;
    }

    Value eval(Expr expr) {
        return switch (expr) {
            case NumberLiteral number -> new Scalar(number.value());
            case StringLiteral string -> new StringValue(string.value());
            case ParenExpr paren -> eval(paren.expr());
            case VectorSelector selector -> instant(selector);
            case MatrixSelector selector -> range(selector);
            case UnaryExpr unary -> negateIf(unary.op() == '-', eval(unary.expr()));
            case BinaryExpr binary -> BinaryOperations.apply(binary, eval(binary.lhs()), eval(binary.rhs()));
            case AggregateExpr aggregate -> Aggregations.apply(aggregate, vector(aggregate.expr()),
                    aggregate.param() == null ? null : eval(aggregate.param()));
            case Call call -> Functions.call(call, this);
        };
    }

    InstantVector vector(Expr expr) {
        return (InstantVector) eval(expr);
    }

    double scalar(Expr expr) {
        return ((Scalar) eval(expr)).value();
    }

    private InstantVector instant(VectorSelector selector) {
        long at = timestamp - selector.offset().toMillis();
        long notBefore = at - Evaluator.LOOKBACK.toMillis() + 1;
        List<VectorSample> samples = new ArrayList<>();
        for (SeriesKey key : select(selector)) {
            SeriesBuffer.Point point = source.buffer(key).latest(at, notBefore);
            if (point != null && !Staleness.isMarker(point.value())) {
                samples.add(new VectorSample(key.labels(), point.value()));
            }
        }
        return new InstantVector(samples);
    }

    private RangeVector range(MatrixSelector selector) {
        long at = timestamp - selector.vector().offset().toMillis();
        long from = at - selector.range().toMillis();
        List<RangeVector.Series> series = new ArrayList<>();
        for (SeriesKey key : select(selector.vector())) {
            SeriesBuffer.Point[] points = source.buffer(key).range(from, at);
            List<SeriesBuffer.Point> live = new ArrayList<>(points.length);
            for (SeriesBuffer.Point point : points) {
                if (!Staleness.isMarker(point.value())) {
                    live.add(point);
                }
            }
            if (!live.isEmpty()) {
                series.add(new RangeVector.Series(key.labels(), live.toArray(SeriesBuffer.Point[]::new)));
            }
        }
        return new RangeVector(series, from, at);
    }

    private List<SeriesKey> select(VectorSelector selector) {
        // Start from the smallest set an equality matcher allows; the other matchers filter it.
        Collection<SeriesKey> candidates = null;
        for (LabelMatcher matcher : selector.matchers()) {
            if (matcher.type() == LabelMatcher.Type.EQ && !matcher.value().isEmpty()) {
                Collection<SeriesKey> withPair = source.withLabel(matcher.name(), matcher.value());
                if (candidates == null || withPair.size() < candidates.size()) {
                    candidates = withPair;
                }
            }
        }
        List<SeriesKey> selected = new ArrayList<>();
        for (SeriesKey key : candidates == null ? source.all() : candidates) {
            if (matchesAll(selector.matchers(), key.labels()) && source.buffer(key) != null) {
                selected.add(key);
            }
        }
        return selected;
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, Labels labels) {
        for (LabelMatcher matcher : matchers) {
            String value = labels.get(matcher.name());
            if (!matcher.matches(value == null ? "" : value)) {
                return false;
            }
        }
        return true;
    }

    private static Value negateIf(boolean negate, Value value) {
        if (!negate) {
            return value;
        }
        if (value instanceof Scalar scalar) {
            return new Scalar(-scalar.value());
        }
        List<VectorSample> out = new ArrayList<>();
        for (VectorSample sample : ((InstantVector) value).samples()) {
            out.add(new VectorSample(dropName(sample.labels()), -sample.value()));
        }
        return new InstantVector(out);
    }

    static Labels dropName(Labels labels) {
        return labels.get(Labels.METRIC_NAME) == null ? labels : labels.without(List.of(Labels.METRIC_NAME));
    }
}
