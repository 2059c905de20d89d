package io.vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vigil.notify.Matcher;
import io.vigil.storage.Hashes;

/**
 * vigil.yaml's {@code incidents:} section.
 *
 * @param groupBy      the labels whose values make one incident; empty: the group_by of the route an alert takes
 * @param reopenWithin a new alert of a resolved incident's group within this reopens it; zero: never
 */
public record IncidentsConfig(Optional<List<String>> groupBy, Duration reopenWithin, List<Escalation> escalations) {

    public static final IncidentsConfig DEFAULT = new IncidentsConfig(Optional.empty(), Duration.ZERO, List.of());

    public IncidentsConfig {
        groupBy = groupBy.map(List::copyOf);
        escalations = List.copyOf(escalations);
    }

    /**
     * An incident still unacknowledged {@code after} it was triggered is sent to {@code receiver} when one of its
     * alerts matches all {@code matchers}.
     *
     * @param file where it is written, with {@code line}, for messages about it
     */
    public record Escalation(List<Matcher> matchers, Duration after, String receiver, String file, int line) {

        public Escalation {
            matchers = List.copyOf(matchers);
        }

        /**
         * What an incident remembers of an escalation it was sent: stable across reloads that add, remove or reorder
         * escalations, so that none is sent twice or skipped; a changed escalation is a new one.
         */
        public String key() {
            return Hashes.sha256Hex(receiver, after.toString(), matchers.toString()).substring(0, 16);
        }
    }
}
