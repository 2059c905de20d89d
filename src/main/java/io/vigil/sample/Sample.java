package io.vigil.sample;

/** One value of one metric with the labels that tell it apart from the same metric's other values. */
public record Sample(String metric, Labels labels, double value) {

    public static Sample of(String metric, double value) {
        return new Sample(metric, Labels.EMPTY, value);
    }
}
