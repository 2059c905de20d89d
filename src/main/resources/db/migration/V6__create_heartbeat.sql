-- The last push each heartbeat probe received, so that a restart does not forget it.
CREATE TABLE heartbeat (
    probe      VARCHAR(255)             NOT NULL PRIMARY KEY,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
