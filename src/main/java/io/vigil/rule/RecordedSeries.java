package io.vigil.rule;

import java.util.List;

import io.vigil.rule.eval.VectorSample;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;
import io.vigil.sample.SeriesStore;

/** Where recording rules write: the sample history, so that later rules and evaluations read them. */
public interface RecordedSeries {

    void record(long timestampMillis, List<VectorSample> samples);

    static RecordedSeries into(SeriesStore store) {
        return (timestampMillis, samples) -> {
            for (VectorSample sample : samples) {
                Labels labels = sample.labels();
                store.append(timestampMillis, labels.without(List.of(Labels.METRIC_NAME)),
                        List.of(Sample.of(labels.get(Labels.METRIC_NAME), sample.value())));
            }
        };
    }
}
