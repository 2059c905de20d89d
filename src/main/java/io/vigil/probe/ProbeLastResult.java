package io.vigil.probe;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored last outcome of one probe (no samples: those are only ever shown fresh). */
@Entity
@Table(name = "probe_last_result")
public class ProbeLastResult {

    static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @Column(name = "probe_name")
    public String probeName;

    @Column(name = "probe_type")
    public String probeType;

    @Column(name = "run_at")
    public Instant runAt;

    public boolean success;

    @Column(name = "duration_seconds")
    public double durationSeconds;

    public String error;

    static ProbeLastResult of(String probeName, String probeType, ProbeResult result) {
        ProbeLastResult row = new ProbeLastResult();
        row.probeName = probeName;
        row.probeType = probeType;
        row.runAt = result.at();
        row.success = result.success();
        row.durationSeconds = result.durationSeconds();
        row.error = result.error() == null || result.error().length() <= MAX_ERROR_LENGTH
                ? result.error() : result.error().substring(0, MAX_ERROR_LENGTH);
        return row;
    }
}
