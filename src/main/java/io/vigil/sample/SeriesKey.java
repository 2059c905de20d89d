package io.vigil.sample;

/** The identity of a series: metric name and full label set. */
public record SeriesKey(String metric, Labels labels) {
}
