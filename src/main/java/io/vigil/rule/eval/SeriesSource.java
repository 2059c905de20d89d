package io.vigil.rule.eval;

import java.util.List;

import io.vigil.sample.SeriesBuffer;
import io.vigil.sample.SeriesKey;
import io.vigil.sample.SeriesStore;

/** Where an evaluation reads series from: Vigil's sample history, or a test's own. */
public interface SeriesSource {

    /** The series of {@code metricName}, or every series when it is null. Labels include __name__. */
    List<SeriesKey> series(String metricName);

    SeriesBuffer buffer(SeriesKey key);

    static SeriesSource of(SeriesStore store) {
        return new SeriesSource() {
            @Override
            public List<SeriesKey> series(String metricName) {
                return metricName == null ? store.allSeries() : store.seriesOf(metricName);
            }

            @Override
            public SeriesBuffer buffer(SeriesKey key) {
                return store.buffer(key);
            }
        };
    }
}
