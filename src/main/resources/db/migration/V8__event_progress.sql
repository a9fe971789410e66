-- How far a long event has got (an SMS campaign's members handed over so far), saved as it goes, so that an attempt
-- after a crash or a retry carries on where the last one stopped instead of starting again. Kept after the event
-- ends, for the status API; a replay carries on from it too.
CREATE TABLE event_progress (
    event_id   VARCHAR(36)              NOT NULL PRIMARY KEY,
    progress   TEXT                     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
