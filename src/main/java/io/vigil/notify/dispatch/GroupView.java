package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.List;

import io.vigil.notify.NotifiableAlert;
import io.vigil.sample.Labels;

/**
 * An aggregation group as the API shows it ({@code GET /api/v2/alerts/groups}).
 *
 * @param alerts    sorted by labels, as held (a firing alert keeps its end here)
 * @param nextFlush when the group's timer fires next
 */
public record GroupView(String groupKey, String receiver, Labels groupLabels, List<NotifiableAlert> alerts,
        Instant nextFlush) {

    public GroupView {
        alerts = List.copyOf(alerts);
    }
}
