-- The event store: every accepted event and where its processing stands, plus the watermarks of scheduled polls.
-- Written once for both H2 (in PostgreSQL mode) and PostgreSQL: plain types only, JSON kept as text.

CREATE TABLE events (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    event_type       VARCHAR(64)              NOT NULL,
    source           VARCHAR(255)             NOT NULL,
    idempotency_key  VARCHAR(1024)            NOT NULL,
    payload          TEXT                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL DEFAULT 0,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(255),
    -- the Salesforce connection the route chose; kept for operators once routes report it
    connection_name  VARCHAR(64),
    error_code       VARCHAR(255),
    error_message    TEXT,
    produced_records TEXT,
    warnings         TEXT,
    CONSTRAINT events_idempotency_key_unique UNIQUE (idempotency_key),
    CONSTRAINT events_status_known CHECK (status IN ('pending', 'processing', 'done', 'failed', 'skipped'))
);

-- the worker's question: which pending events are due now
CREATE INDEX events_due ON events (status, next_attempt_at);
-- the status API's question: the newest events, optionally of one status
CREATE INDEX events_newest ON events (status, received_at);
CREATE INDEX events_received ON events (received_at);

CREATE TABLE watermarks (
    name            VARCHAR(255)             NOT NULL PRIMARY KEY,
    watermark_value VARCHAR(1024)            NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
