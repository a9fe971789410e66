-- Several engines on one store. A claim is a lease: the claiming node writes a token of its own and a time until
-- which the event is its to process, and renews that time while it works. Another node takes over an event whose
-- lease ran out (its node died), and every change to a claimed event names the token it holds, so a node that
-- lost its lease changes nothing.
ALTER TABLE events ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE events ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- Events processing before leases have none: their lease is taken as run out at their last change, so a node
-- that stopped for good no longer holds them processing forever.
UPDATE events SET lease_until = updated_at WHERE status = 'processing';

-- the take-over's question: which processing events' leases have run out
CREATE INDEX events_lease ON events (status, lease_until);

-- The nodes sharing the store, each writing when it was last alive at every heartbeat.
CREATE TABLE nodes (
    id        VARCHAR(255)             NOT NULL PRIMARY KEY,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
