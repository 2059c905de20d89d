package io.vigil.probe.heroku;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Counts the dynos of the pages of one {@code GET /apps/{app}/dynos} listing by state, remembers which crashed, and
 * says which Range to ask for next. Pure: no I/O, so the counting and the paging rules are tested without a server.
 */
public final class DynoTally {

    /** Every state of Heroku's schema ({@code dyno.definitions.state}), in the order samples are exported. */
    public static final List<String> STATES = List.of("up", "crashed", "idle", "starting", "down");

    /** How many crashed dynos a reason names before it only counts the rest. */
    static final int NAMED = 10;

    private final Map<String, Long> byState = new LinkedHashMap<>();
    private final List<String> crashed = new ArrayList<>();
    private final Set<String> ranges = new HashSet<>();

    public DynoTally() {
        STATES.forEach(state -> byState.put(state, 0L));
    }

    /**
     * Counts the dynos of one page.
     *
     * @param status the HTTP status of the page: 206 says more follow, 200 that the list is complete
     * @param nextRange the page's {@code Next-Range} header, or null
     * @return the {@code Range} header to send for the next page, or empty when this was the last
     * @throws ProbeFailure when the page is not a list of dynos, or its paging would never end
     */
    public Optional<String> add(JsonNode page, int status, String nextRange) throws ProbeFailure {
        if (!page.isArray()) {
            throw new ProbeFailure("Heroku answered something other than a list of dynos");
        }
        for (JsonNode dyno : page) {
            String state = dyno.path("state").asText("");
            // A state Heroku adds later is not counted as any of ours rather than guessed at.
            byState.computeIfPresent(state, (s, count) -> count + 1);
            if ("crashed".equals(state)) {
                crashed.add(dyno.path("name").asText("unnamed"));
            }
        }
        if (status != 206 || nextRange == null || nextRange.isBlank()) {
            return Optional.empty();
        }
        if (!ranges.add(nextRange)) {
            throw new ProbeFailure("Heroku answered the range " + nextRange + " again");
        }
        return Optional.of(nextRange);
    }

    /** Dynos by state, every state present, in {@link #STATES} order. */
    public Map<String, Long> byState() {
        return Collections.unmodifiableMap(byState);
    }

    /** The names of the crashed dynos, in Heroku's order. */
    public List<String> crashed() {
        return Collections.unmodifiableList(crashed);
    }

    /** Why the run fails, naming the crashed dynos; empty when none crashed. */
    public Optional<String> crashReason() {
        if (crashed.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", crashed.subList(0, Math.min(NAMED, crashed.size())));
        String more = crashed.size() > NAMED ? " and " + (crashed.size() - NAMED) + " more" : "";
        return Optional.of(crashed.size() + (crashed.size() == 1 ? " dyno" : " dynos") + " crashed: " + names + more);
    }
}
