package io.switchboard.bench;

import io.switchboard.events.EventType;

/** One event the load sends: its type (the path it is posted to) and its JSON body. */
record BenchEvent(EventType type, String json) {
}
