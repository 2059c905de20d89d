package io.vigil.notify.dispatch;

import java.util.List;

import io.vigil.notify.NotifiableAlert;

/**
 * An alert the dispatcher holds, as the API shows it ({@code GET /api/v2/alerts}). The suppressions are those
 * found at the last flush of its groups; an alert no group has flushed yet has none.
 *
 * @param receivers   the receivers of the groups holding it, sorted; empty once it resolved and was notified
 * @param silencedBy  silence ids
 * @param inhibitedBy inhibition rules with the inhibiting alert, e.g. {@code inhibit_rules[0]:<fingerprint>}
 * @param mutedBy     time interval names
 */
public record AlertView(String fingerprint, NotifiableAlert alert, List<String> receivers, List<String> silencedBy,
        List<String> inhibitedBy, List<String> mutedBy) {

    public AlertView {
        receivers = List.copyOf(receivers);
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
        mutedBy = List.copyOf(mutedBy);
    }
}
