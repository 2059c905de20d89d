package io.vigil.config;

import java.util.Set;

/** What the loader needs to know of probe types: their names and the record of their keys. */
public interface ProbeTypes {

    Set<String> names();

    /** The record that the type-specific keys bind onto, or null for an unknown type. */
    Class<?> specType(String type);

    /** The label names the type's samples set themselves, which a probe's {@code labels} may not use. */
    default Set<String> sampleLabels(String type) {
        return Set.of();
    }
}
