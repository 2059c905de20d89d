package io.vigil.probe;

import java.time.Instant;
import java.util.List;

import io.vigil.sample.Sample;

/** The outcome of one run of one probe, with every sample it produced (probe_success included). */
public record ProbeResult(Instant at, boolean success, double durationSeconds, String error, List<Sample> samples) {

    public ProbeResult {
        samples = List.copyOf(samples);
    }

    public ProbeResult withoutSamples() {
        return samples.isEmpty() ? this : new ProbeResult(at, success, durationSeconds, error, List.of());
    }
}
