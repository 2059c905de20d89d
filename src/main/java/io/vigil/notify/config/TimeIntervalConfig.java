package io.vigil.notify.config;

import java.time.Instant;
import java.util.List;

/**
 * A named entry of {@code time_intervals}: a time is inside it when it is inside any of its periods.
 */
public record TimeIntervalConfig(String name, List<TimePeriod> periods) {

    public TimeIntervalConfig {
        periods = List.copyOf(periods);
    }

    public boolean contains(Instant instant) {
        return periods.stream().anyMatch(period -> period.contains(instant));
    }
}
