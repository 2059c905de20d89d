package io.vigil.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vigil.config.PromDuration;
import io.vigil.probe.ProbeResult;
import io.vigil.probe.ProbeState;

/** The JSON shapes of the probes API. */
final class ProbeViews {

    private ProbeViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProbeView(String name, String type, Map<String, String> labels, String interval, String timeout,
            Instant nextRunAt, ResultView lastResult, List<ResultView> recentResults) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultView(Instant at, boolean success, double durationSeconds, String error, List<SampleView> samples) {
    }

    record SampleView(String metric, Map<String, String> labels, double value) {
    }

    static ProbeView summary(ProbeState state) {
        return view(state, null);
    }

    static ProbeView detail(ProbeState state) {
        return view(state, state.recentResults().stream().map(ProbeViews::result).toList());
    }

    private static ProbeView view(ProbeState state, List<ResultView> recent) {
        var definition = state.definition();
        return new ProbeView(definition.name(), definition.type(), definition.labels(),
                PromDuration.format(definition.interval()), PromDuration.format(definition.timeout()),
                state.nextRunAt(), state.lastResult().map(ProbeViews::result).orElse(null), recent);
    }

    static ResultView result(ProbeResult result) {
        return new ResultView(result.at(), result.success(), result.durationSeconds(), result.error(),
                result.samples().stream()
                        .map(s -> new SampleView(s.metric(), s.labels().toMap(), s.value()))
                        .toList());
    }
}
