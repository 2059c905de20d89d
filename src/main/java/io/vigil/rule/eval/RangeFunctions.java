package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.List;

import io.vigil.rule.promql.Function;
import io.vigil.sample.SeriesBuffer.Point;

/** The functions over range vectors: the *_over_time family, changes, resets, rate, increase, delta, deriv. */
final class RangeFunctions {

    private RangeFunctions() {
    }

    static InstantVector call(Function function, RangeVector range) {
        List<VectorSample> out = new ArrayList<>(range.series().size());
        for (RangeVector.Series series : range.series()) {
            Point[] points = series.points();
            Double value = switch (function) {
                case AVG_OVER_TIME -> average(points);
                case MIN_OVER_TIME -> extreme(points, true);
                case MAX_OVER_TIME -> extreme(points, false);
                case SUM_OVER_TIME -> sum(points);
                case COUNT_OVER_TIME -> (double) points.length;
                case LAST_OVER_TIME -> points[points.length - 1].value();
                case CHANGES -> (double) countChanges(points, false);
                case RESETS -> (double) countChanges(points, true);
                case RATE, INCREASE, DELTA -> Rates.extrapolated(function, points, range.windowStart(), range.windowEnd());
                case DERIV -> Rates.deriv(points);
                default -> throw new EvaluationException("function " + function.functionName() + " is not a range function");
            };
            if (value != null) {
                // Prometheus keeps the metric name only for last_over_time, which returns a sample as it was.
                out.add(new VectorSample(function == Function.LAST_OVER_TIME ? series.labels()
                        : Evaluation.dropName(series.labels()), value));
            }
        }
        return new InstantVector(out);
    }

    private static double average(Point[] points) {
        // Prometheus's incremental mean, which stays finite where a plain sum would overflow.
        double mean = 0;
        int count = 0;
        for (Point point : points) {
            count++;
            mean += point.value() / count - mean / count;
        }
        return mean;
    }

    private static double extreme(Point[] points, boolean min) {
        double result = points[0].value();
        for (Point point : points) {
            double v = point.value();
            if (min ? (v < result || Double.isNaN(result)) : (v > result || Double.isNaN(result))) {
                result = v;
            }
        }
        return result;
    }

    private static double sum(Point[] points) {
        double sum = 0;
        for (Point point : points) {
            sum += point.value();
        }
        return sum;
    }

    private static int countChanges(Point[] points, boolean resetsOnly) {
        int count = 0;
        for (int i = 1; i < points.length; i++) {
            double previous = points[i - 1].value();
            double current = points[i].value();
            boolean counted = resetsOnly ? current < previous
                    : current != previous && !(Double.isNaN(current) && Double.isNaN(previous));
            if (counted) {
                count++;
            }
        }
        return count;
    }
}
