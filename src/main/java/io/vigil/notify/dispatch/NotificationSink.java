package io.vigil.notify.dispatch;

import io.vigil.notify.Notification;

/** Where the dispatcher's decisions go: the durable outbox, or a recorder in tests. */
public interface NotificationSink {

    /**
     * Commits a notification and its notification-log entry. When this returns, the notification will be delivered
     * even if Vigil stops now. An exception leaves the log unchanged, so the next flush decides again.
     */
    void notify(Notification notification);

    /** Records that an alert was held back and why; called when the reason first applies, not at every flush. */
    void suppressed(Suppression suppression);
}
