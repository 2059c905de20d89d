package io.vigil.rule.eval;

import io.vigil.rule.promql.Function;
import io.vigil.sample.SeriesBuffer.Point;

/** rate(), increase(), delta() and deriv(), with Prometheus's extrapolation and regression. */
final class Rates {

    private Rates() {
    }

    /**
     * Prometheus's extrapolatedRate: the change over the samples in the window, corrected for
     * counter resets, extrapolated towards the window's edges (but not past where a counter would
     * have been zero, and not further than half an average sample interval when the edge is far).
     * Null when fewer than two samples.
     */
    static Double extrapolated(Function function, Point[] points, long windowStart, long windowEnd) {
        if (points.length < 2) {
            return null;
        }
        boolean counter = function != Function.DELTA;
        Point first = points[0];
        Point last = points[points.length - 1];
        double result = last.value() - first.value();
        if (counter) {
            double previous = first.value();
            for (Point point : points) {
                if (point.value() < previous) {
                    result += previous;
                }
                previous = point.value();
            }
        }
        double durationToStart = (first.timestampMillis() - windowStart) / 1000.0;
        double durationToEnd = (windowEnd - last.timestampMillis()) / 1000.0;
        double sampledInterval = (last.timestampMillis() - first.timestampMillis()) / 1000.0;
        double averageInterval = sampledInterval / (points.length - 1);
        if (counter && result > 0 && first.value() >= 0) {
            double durationToZero = sampledInterval * (first.value() / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        double threshold = averageInterval * 1.1;
        double extrapolateTo = sampledInterval;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
        result = result * (extrapolateTo / sampledInterval);
        if (function == Function.RATE) {
            result /= (windowEnd - windowStart) / 1000.0;
        }
        return result;
    }

    /** The per-second slope of a least-squares line through the samples; null when fewer than two. */
    static Double deriv(Point[] points) {
        if (points.length < 2) {
            return null;
        }
        // Times relative to the first sample keep the sums small enough to stay precise.
        long origin = points[0].timestampMillis();
        double n = points.length;
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumX2 = 0;
        for (Point point : points) {
            double x = (point.timestampMillis() - origin) / 1000.0;
            double y = point.value();
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumX2 += x * x;
        }
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        return covXY / varX;
    }
}
