package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.rule.promql.AggregateExpr;
import io.vigil.sample.Labels;

/** sum, min, max, avg, count, group, stddev and stdvar, by or without labels. */
final class Aggregations {

    private Aggregations() {
    }

    static InstantVector apply(AggregateExpr aggregate, InstantVector input, Value param) {
        Map<Labels, Group> groups = new LinkedHashMap<>();
        for (VectorSample sample : input.samples()) {
            Labels key = groupLabels(aggregate, sample.labels());
            groups.computeIfAbsent(key, k -> new Group()).add(sample.value());
        }
        List<VectorSample> out = new ArrayList<>(groups.size());
        groups.forEach((labels, group) -> out.add(new VectorSample(labels, group.result(aggregate))));
        return new InstantVector(out);
    }

    private static Labels groupLabels(AggregateExpr aggregate, Labels labels) {
        if (aggregate.without()) {
            List<String> dropped = new ArrayList<>(aggregate.grouping());
            dropped.add(Labels.METRIC_NAME);
            return labels.without(dropped);
        }
        return labels.only(aggregate.grouping());
    }

    /** The running state of one output series, kept the way Prometheus keeps it so results agree to the bit. */
    private static final class Group {
        private int count;
        private double sum;
        private double mean;
        private double welfordMean;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private double varianceSum;

        void add(double value) {
            count++;
            sum += value;
            // Prometheus's avg: dividing each term keeps the mean finite where the sum would overflow.
            mean += value / count - mean / count;
            double delta = value - welfordMean;
            welfordMean += delta / count;
            varianceSum += delta * (value - welfordMean);
            if (Double.isNaN(min) || value < min) {
                min = value;
            }
            if (Double.isNaN(max) || value > max) {
                max = value;
            }
        }

        double result(AggregateExpr aggregate) {
            return switch (aggregate.op()) {
                case SUM -> sum;
                case AVG -> mean;
                case COUNT -> count;
                case MIN -> min;
                case MAX -> max;
                case GROUP -> 1;
                case STDVAR -> varianceSum / count;
                case STDDEV -> Math.sqrt(varianceSum / count);
                default -> throw new EvaluationException("aggregation " + aggregate.op().keyword() + " is not supported");
            };
        }
    }
}
