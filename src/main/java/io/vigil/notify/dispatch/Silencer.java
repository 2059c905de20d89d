package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.List;

import io.vigil.sample.Labels;

/** Which active silences mute a label set; the silence store answers it. */
@FunctionalInterface
public interface Silencer {

    Silencer NONE = (labels, now) -> List.of();

    /** The ids of the silences active at {@code now} whose matchers all match {@code labels}; empty when none. */
    List<String> silencedBy(Labels labels, Instant now);
}
