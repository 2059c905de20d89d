package io.vigil.notify;

import java.time.Instant;

/**
 * A committed notification will not be delivered: the receiver refused it for good, or it grew too old. The
 * dispatcher then forgets it was sent, so the group is notified again at its next flush.
 *
 * @param notifiedAt when the dispatcher decided it (the notification log entry's time)
 */
public record NotificationFailed(String groupKey, String receiver, String integrationKey, Instant notifiedAt,
        String error) {
}
