package io.vigil.probe.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.config.PromDuration;
import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;

/**
 * Succeeds while the probe's cron job or worker has pushed within {@code max_silence}: the dead man's switch. A job
 * that has never pushed gets max_silence from when Vigil began watching it.
 */
@ApplicationScoped
public class HeartbeatProbe implements Probe<HeartbeatSpec> {

    public static final String TYPE = "heartbeat";
    static final String LAST_SEEN = "probe_heartbeat_last_seen_timestamp_seconds";

    @Inject
    Heartbeats heartbeats;

    @Inject
    Clock clock;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<HeartbeatSpec> specType() {
        return HeartbeatSpec.class;
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(LAST_SEEN, "When the last heartbeat was pushed, in seconds since the epoch.");
    }

    @Override
    public ProbeOutcome run(HeartbeatSpec spec, ProbeContext context) {
        Instant now = clock.instant();
        Heartbeats.HeartbeatState state = heartbeats.state(context.probeName(), now);
        if (state.lastSeen().isEmpty()) {
            // Like a new check in Healthchecks.io or Cronitor: a job that has not run yet since it was set up is not
            // an outage, until it has been silent for max_silence since Vigil began watching it.
            Duration waiting = Duration.between(state.watchedSince(), now);
            if (waiting.compareTo(spec.maxSilence()) <= 0) {
                return ProbeOutcome.succeeded();
            }
            return ProbeOutcome.failed("no heartbeat received in the " + PromDuration.format(waiting.withNanos(0))
                    + " since Vigil began watching (max_silence " + PromDuration.format(spec.maxSilence())
                    + "): POST /api/v1/heartbeats/" + context.probeName());
        }
        Instant seen = state.lastSeen().get();
        context.sample(LAST_SEEN, seen.toEpochMilli() / 1000.0);
        Duration silence = Duration.between(seen, now);
        if (silence.compareTo(spec.maxSilence()) > 0) {
            return ProbeOutcome.failed("no heartbeat for " + PromDuration.format(silence.withNanos(0))
                    + " (max_silence " + PromDuration.format(spec.maxSilence()) + ")");
        }
        return ProbeOutcome.succeeded();
    }
}
