package io.vigil.notify.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.vigil.notify.Notification;

/** Keeps what the dispatcher decided; can be told to refuse the next notifications, as a full outbox would. */
final class RecordingSink implements NotificationSink {

    final List<Notification> notifications = new ArrayList<>();
    final List<Notification> refused = new ArrayList<>();
    final List<Suppression> suppressions = new ArrayList<>();
    private int failures;
    /** Runs inside each committed notification, as a sink posting alerts back would. */
    Consumer<Notification> onNotify = n -> { };

    void refuseNext(int count) {
        failures = count;
    }

    @Override
    public void notify(Notification notification) {
        if (failures > 0) {
            failures--;
            refused.add(notification);
            throw new IllegalStateException("outbox unavailable");
        }
        notifications.add(notification);
        onNotify.accept(notification);
    }

    @Override
    public void suppressed(Suppression suppression) {
        suppressions.add(suppression);
    }
}
