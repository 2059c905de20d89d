package io.vigil.rule.eval;

import java.util.List;

import io.vigil.sample.Labels;
import io.vigil.sample.SeriesBuffer;

/**
 * A set of series, each with the samples of a time range, oldest first; the window is
 * {@code (windowStart, windowEnd]} in Unix milliseconds, which rate() extrapolates to.
 */
public record RangeVector(List<Series> series, long windowStart, long windowEnd) implements Value {

    public RangeVector {
        series = List.copyOf(series);
    }

    /** One series of a range vector. */
    public record Series(Labels labels, SeriesBuffer.Point[] points) {
    }
}
