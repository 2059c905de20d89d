package io.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The {@code global:} section of vigil.yaml. */
public record GlobalConfig(Duration evaluationInterval, URI externalUrl, Map<String, String> externalLabels) {

    /** Prometheus's default evaluation interval. */
    public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofMinutes(1);

    public GlobalConfig {
        externalLabels = Map.copyOf(externalLabels);
    }
}
