-- Pending, firing and recently resolved alert instances, so that a restart of Vigil resumes them
-- where they were (Prometheus only restores `for` state of long rules; Vigil restores all).
CREATE TABLE alert_instance (
    rule_key     VARCHAR(1000)            NOT NULL,
    fingerprint  VARCHAR(64)              NOT NULL,
    labels       TEXT                     NOT NULL,
    annotations  TEXT                     NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    alert_value  DOUBLE PRECISION         NOT NULL,
    active_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at     TIMESTAMP WITH TIME ZONE,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (rule_key, fingerprint)
);
