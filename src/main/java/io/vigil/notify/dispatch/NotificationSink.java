package io.vigil.notify.dispatch;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.vigil.notify.Notification;

/** Where the dispatcher's decisions go: the durable outbox, or a recorder in tests. */
public interface NotificationSink {

    Logger LOG = Logger.getLogger(NotificationSink.class);

    /**
     * Commits a notification and its notification-log entry. When this returns, the notification will be delivered
     * even if Vigil stops now. An exception leaves the log unchanged, so the next flush decides again.
     */
    void notify(Notification notification);

    /**
     * Commits the notifications of one dispatcher pass and answers those committed. By default one by one; a sink
     * that can commit them in one transaction should, and fall back to one by one if that fails, so that one bad
     * notification does not hold back the others.
     */
    default List<Notification> notifyAll(List<Notification> notifications) {
        List<Notification> committed = new ArrayList<>(notifications.size());
        for (Notification notification : notifications) {
            try {
                notify(notification);
                committed.add(notification);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Notification of group %s to %s/%s could not be committed", notification.groupKey(),
                        notification.receiver(), notification.integration().key());
            }
        }
        return committed;
    }

    /** Records that an alert was held back and why; called when the reason first applies, not at every flush. */
    void suppressed(Suppression suppression);
}
