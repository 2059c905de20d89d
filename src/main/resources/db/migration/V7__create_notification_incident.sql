-- The incidents a notification is about: several when incidents.group_by groups more finely than
-- the route that notifies their alerts together. Attempts show on each of their timelines.
CREATE TABLE notification_incident (
    outbox_id    BIGINT NOT NULL,
    incident_id  BIGINT NOT NULL,
    PRIMARY KEY (outbox_id, incident_id)
);
CREATE INDEX notification_incident_incident ON notification_incident (incident_id);
