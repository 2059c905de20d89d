package io.vigil.notify.silence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored silence; matchers are a JSON array of Alertmanager matcher objects. */
@Entity
@Table(name = "silence")
public class SilenceRow {

    @Id
    public String id;

    public String matchers;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_by")
    public String createdBy;

    public String comment;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
