package io.vigil.notify.outbox;

import java.util.Locale;

/** What a ledger line says happened. */
public enum LedgerOutcome {
    /** The receiver accepted the message. */
    DELIVERED,
    /** This attempt failed; another will follow. */
    RETRYING,
    /** This attempt failed and no other will follow: a permanent error, or the message grew too old. */
    FAILED,
    SILENCED, INHIBITED, MUTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
