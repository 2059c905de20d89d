package io.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("2", null, CLOCK)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 12:00:30 GMT", null, CLOCK)).contains(Duration.ofSeconds(30));
    }

    @Test
    void fallsBackToRateLimitResetAsUnixTimeOrSeconds() {
        long in45s = Instant.parse("2026-11-27T12:00:45Z").getEpochSecond();
        assertThat(RetryAfter.parse(null, String.valueOf(in45s), CLOCK)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse(null, "12", CLOCK)).contains(Duration.ofSeconds(12));
    }

    @Test
    void aDateInThePastMeansNowAndGarbageMeansUnknown() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 11:00:00 GMT", null, CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", null, CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(null, null, CLOCK)).isEmpty();
    }
}
