package io.vigil.notify.outbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.config.VigilSettings;

/** Keeps the ledger to {@code vigil.notifications.ledger-retention}: a long receiver outage retries every minute. */
@ApplicationScoped
public class LedgerRetention {

    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);

    @Inject
    OutboxLedger ledger;

    @Inject
    VigilSettings settings;

    @Inject
    Clock clock;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldEntries() {
        Instant now = clock.instant();
        int removed = ledger.forgetBefore(now.minus(settings.notifications().ledgerRetention()), now);
        if (removed > 0) {
            LOG.infof("Delivery ledger: removed %d entries older than %s", removed,
                    settings.notifications().ledgerRetention());
        }
    }
}
