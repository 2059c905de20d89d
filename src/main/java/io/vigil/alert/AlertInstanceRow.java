package io.vigil.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One stored alert instance; labels and annotations are JSON objects. */
@Entity
@Table(name = "alert_instance")
@IdClass(AlertInstanceRow.Key.class)
public class AlertInstanceRow {

    @Id
    @Column(name = "rule_key")
    public String ruleKey;

    @Id
    public String fingerprint;

    public String labels;

    public String annotations;

    public String state;

    @Column(name = "alert_value")
    public double value;

    @Column(name = "active_at")
    public Instant activeAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The composite key. */
    public static class Key implements Serializable {

        public String ruleKey;
        public String fingerprint;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(ruleKey, other.ruleKey)
                    && Objects.equals(fingerprint, other.fingerprint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleKey, fingerprint);
        }
    }
}
