package io.vigil.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Real time plus an offset the test moves forward: what takes minutes in production (an escalation after 15 m)
 * happens at once, while sockets, retries and schedulers keep running for real. Enabled per test profile, through
 * {@code QuarkusTestProfile#getEnabledAlternatives}.
 */
@Alternative
@Singleton
public class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
