-- The console's questions, each answered from an index with no count of the whole table: the newest events of a type
-- (and status), of a source, and the one event a platform calls by its own id (conversation, call, referral, case).
-- subject_id is that id, kept from the event as it arrives; events stored before it are found by their event id.
ALTER TABLE events ADD COLUMN subject_id VARCHAR(255);
CREATE INDEX events_subject ON events (subject_id);
CREATE INDEX events_type_newest ON events (event_type, status, received_at);
CREATE INDEX events_source_newest ON events (source, received_at);

-- The Salesforce records each event produced or linked, by record id: which events wrote this Contact, this Task.
-- Kept beside produced_records (JSON, which no index can read) as an event ends; events that ended before it are
-- found by their other ids.
CREATE TABLE event_records (
    record_id VARCHAR(64) NOT NULL,
    event_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (record_id, event_id)
);
CREATE INDEX event_records_event ON event_records (event_id);
