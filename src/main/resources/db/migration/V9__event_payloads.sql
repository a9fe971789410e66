-- Each event's payload in a table of its own. The worker changes an event's row several times (its claim, its lease,
-- its outcome), and the embedded store writes out every page a commit changed: with the payloads in the rows, those
-- pages carried the payloads of the event and its neighbours, written again on every change. The payload is written
-- once, as the event is accepted, and only read after.
CREATE TABLE event_payloads (
    event_id VARCHAR(36) NOT NULL PRIMARY KEY,
    payload  TEXT        NOT NULL,
    CONSTRAINT event_payloads_event FOREIGN KEY (event_id) REFERENCES events (id)
);

INSERT INTO event_payloads (event_id, payload) SELECT id, payload FROM events;

ALTER TABLE events DROP COLUMN payload;
