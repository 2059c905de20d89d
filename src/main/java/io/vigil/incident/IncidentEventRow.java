package io.vigil.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored timeline entry of an incident. */
@Entity
@Table(name = "incident_event")
public class IncidentEventRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public Instant at;

    public String kind;

    public String actor;

    /** A JSON object. */
    public String detail;
}
