package io.vigil.probe.heartbeat;

import java.time.Duration;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: heartbeat} probe: a cron job or worker pushes to {@code POST /api/v1/heartbeats/{name}}
 * with {@code token}, and the probe succeeds while the last push is at most {@code max_silence} old.
 *
 * @param token the probe's own bearer token, written as {@code ${NAME}} so that it stays in the environment
 */
public record HeartbeatSpec(String token, Duration maxSilence) {

    public HeartbeatSpec {
        if (token == null || token.isBlank()) {
            throw new InvalidKeyException("token", "missing required key \"token\"");
        }
        if (maxSilence == null) {
            throw new InvalidKeyException("max_silence", "missing required key \"max_silence\"");
        }
        if (maxSilence.isZero() || maxSilence.isNegative()) {
            throw new InvalidKeyException("max_silence", "must be greater than 0s");
        }
    }

    /** Never the token itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "HeartbeatSpec[maxSilence=" + maxSilence + "]";
    }
}
