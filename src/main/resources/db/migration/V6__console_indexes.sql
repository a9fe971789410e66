-- The console's questions, each answered from an index with no count of the whole table: the newest events of a type
-- (and status), of a source, and the one event a platform calls by its own id (conversation, call, referral, case).
-- subject_id is that id, kept from the event as it arrives; events stored before it are found by their event id.
ALTER TABLE events ADD COLUMN subject_id VARCHAR(255);
CREATE INDEX events_subject ON events (subject_id);
CREATE INDEX events_type_newest ON events (event_type, status, received_at);
CREATE INDEX events_source_newest ON events (source, received_at);
