package io.vigil.rule.eval;

import java.util.Collection;

import io.vigil.sample.SeriesBuffer;
import io.vigil.sample.SeriesKey;
import io.vigil.sample.SeriesStore;

/** Where an evaluation reads series from: Vigil's sample history, or a test's own. */
public interface SeriesSource {

    /** Every series held. Labels include __name__. */
    Collection<SeriesKey> all();

    /** The series whose label {@code name} has {@code value} (an index look-up, not a scan). */
    Collection<SeriesKey> withLabel(String name, String value);

    SeriesBuffer buffer(SeriesKey key);

    static SeriesSource of(SeriesStore store) {
        return new SeriesSource() {
            @Override
            public Collection<SeriesKey> all() {
                return store.allSeries();
            }

            @Override
            public Collection<SeriesKey> withLabel(String name, String value) {
                return store.seriesWith(name, value);
            }

            @Override
            public SeriesBuffer buffer(SeriesKey key) {
                return store.buffer(key);
            }
        };
    }
}
