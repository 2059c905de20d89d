-- When Vigil began watching each heartbeat probe, so that a job that has never pushed is given max_silence
-- from then (not paged at once), and a restart does not give it that grace again.
ALTER TABLE heartbeat ADD COLUMN watched_since TIMESTAMP WITH TIME ZONE;
UPDATE heartbeat SET watched_since = last_seen;
ALTER TABLE heartbeat ALTER COLUMN watched_since SET NOT NULL;
ALTER TABLE heartbeat ALTER COLUMN last_seen DROP NOT NULL;
