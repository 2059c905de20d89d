-- The last outcome of each probe, so that the API and the probe health checks show it at once
-- after a restart instead of "not run yet".
CREATE TABLE probe_last_result (
    probe_name       VARCHAR(200)             NOT NULL PRIMARY KEY,
    probe_type       VARCHAR(50)              NOT NULL,
    run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    success          BOOLEAN                  NOT NULL,
    duration_seconds DOUBLE PRECISION         NOT NULL,
    error            VARCHAR(2000)
);
