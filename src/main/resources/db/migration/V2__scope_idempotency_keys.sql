-- Idempotency keys are scoped by event type, and a client's key (the Idempotency-Key header) never collides with one
-- the engine derived from an event. The digest of the canonical body tells a repeat (same body: a duplicate) from
-- a key reused for another event (different body: refused).
ALTER TABLE events ADD COLUMN key_origin VARCHAR(8);
ALTER TABLE events ADD COLUMN body_digest VARCHAR(64);

-- Keys stored before: derived keys were a JSON array of the type and the key's parts, or its SHA-256. A client key
-- of that shape cannot be told apart now and is taken as derived. Their digest is unknown (NULL): a repeat of such
-- a key answers duplicate whatever its body.
UPDATE events SET key_origin = CASE
    WHEN idempotency_key LIKE '["%' OR idempotency_key LIKE 'sha256:%' THEN 'derived' ELSE 'client' END;
ALTER TABLE events ALTER COLUMN key_origin SET NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_key_origin_known CHECK (key_origin IN ('client', 'derived'));

ALTER TABLE events DROP CONSTRAINT events_idempotency_key_unique;
ALTER TABLE events ADD CONSTRAINT events_idempotency_key_unique UNIQUE (event_type, key_origin, idempotency_key);
