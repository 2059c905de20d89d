package io.vigil.config;

import java.time.Duration;
import java.util.Map;

/**
 * One entry of {@code probes:}: the keys every probe has, and its type-specific keys bound onto the
 * record that the probe type declares.
 */
public record ProbeDefinition(String name, String type, Duration interval, Duration timeout,
        Map<String, String> labels, Object spec) {

    public ProbeDefinition {
        labels = Map.copyOf(labels);
    }
}
