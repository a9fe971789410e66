package io.switchboard.store;

import java.time.Instant;

/**
 * One attempt at an event, as it ended: its number (counted again from 1 after a replay), the node that ran it,
 * when it ended, how ({@code done}, {@code failed}, {@code skipped}, {@code retried} or {@code held}) and the error
 * it ended with, null when it succeeded.
 */
public record EventAttempt(int attempt, String node, Instant endedAt, String outcome, EventError error) {
}
