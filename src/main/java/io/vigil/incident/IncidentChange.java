package io.vigil.incident;

import java.util.List;

/**
 * What one step did to an incident, for the store to write.
 *
 * @param entries the timeline entries it added; none when only its alerts' leases moved on
 */
record IncidentChange(Incident incident, List<TimelineEntry> entries) {

    IncidentChange {
        entries = List.copyOf(entries);
    }
}
