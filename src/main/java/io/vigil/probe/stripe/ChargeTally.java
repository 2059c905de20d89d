package io.vigil.probe.stripe;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/**
 * Counts the charges of the pages of one {@code GET /v1/charges} listing, page by page, and says which page comes
 * next. Pure: no I/O, so the arithmetic and the paging rules are tested without a server.
 */
public final class ChargeTally {

    /** The failure_code label of a failed charge that carries none. */
    public static final String UNKNOWN_FAILURE = "unknown";

    private long succeeded;
    private long failed;
    private long pending;
    private final Map<String, Long> failuresByCode = new TreeMap<>();
    private final Set<String> cursors = new HashSet<>();

    /**
     * Counts the charges of one list page.
     *
     * @return the id to pass as {@code starting_after} for the next page, or empty when this was the last
     * @throws ProbeFailure when the page is not a Stripe list, or its paging would never end
     */
    public Optional<String> add(JsonNode page) throws ProbeFailure {
        JsonNode data = page.path("data");
        JsonNode hasMore = page.path("has_more");
        if (!data.isArray() || !hasMore.isBoolean()) {
            throw new ProbeFailure("Stripe answered something other than a list (no data[] or has_more) on /v1/charges");
        }
        for (JsonNode charge : data) {
            count(charge);
        }
        if (!hasMore.booleanValue()) {
            return Optional.empty();
        }
        String last = data.isEmpty() ? null : data.get(data.size() - 1).path("id").asText(null);
        if (last == null || last.isBlank()) {
            throw new ProbeFailure("Stripe said has_more but gave no charge id to continue after on /v1/charges");
        }
        if (!cursors.add(last)) {
            throw new ProbeFailure("Stripe answered the page after " + last + " again on /v1/charges");
        }
        return Optional.of(last);
    }

    private void count(JsonNode charge) {
        switch (charge.path("status").asText("")) {
            case "succeeded" -> succeeded++;
            case "pending" -> pending++;
            case "failed" -> {
                failed++;
                String code = charge.path("failure_code").asText("");
                failuresByCode.merge(code.isBlank() ? UNKNOWN_FAILURE : code, 1L, Long::sum);
            }
            default -> {
                // Charges have only these three statuses; another one is a newer API version's, not ours to guess.
            }
        }
    }

    public long succeeded() {
        return succeeded;
    }

    public long failed() {
        return failed;
    }

    public long pending() {
        return pending;
    }

    /** Failed charges by failure_code, sorted by code. */
    public Map<String, Long> failuresByCode() {
        return Collections.unmodifiableMap(failuresByCode);
    }

    /**
     * succeeded / (succeeded + failed): pending charges are left out because asynchronous methods (ACH, SEPA) settle
     * later. Empty when no charge has settled, as 0/0 is not a rate.
     */
    public OptionalDouble successRatio() {
        long settled = succeeded + failed;
        return settled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / settled);
    }
}
