package io.vigil.notify.outbox;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One incident a queued notification is about; a notification can be about several. */
@Entity
@Table(name = "notification_incident")
@IdClass(NotificationIncidentRow.Key.class)
public class NotificationIncidentRow {

    /** The composite primary key. */
    public record Key(Long outboxId, Long incidentId) implements Serializable {
    }

    @Id
    @Column(name = "outbox_id")
    public Long outboxId;

    @Id
    @Column(name = "incident_id")
    public Long incidentId;
}
