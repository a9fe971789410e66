package io.switchboard.bulk;

import io.switchboard.salesforce.ConnectionPausedException;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Lets each call of a bulk run go only once the connection admits it, as the engine's events do: while the org's API
 * allowance is past the pause share the run waits (saying so once per pause) until the connection's next check, and
 * then goes on, so that a large file never spends the allowance the engine's events need.
 */
final class AllowanceWait {
    private static final Duration LEAST_WAIT = Duration.ofMillis(20);

    private final SalesforceClient client;
    private final Consumer<String> say;
    private final Clock clock;
    private boolean waiting;

    AllowanceWait(SalesforceClient client, Consumer<String> say, Clock clock) {
        this.client = client;
        this.say = say;
        this.clock = clock;
    }

    /** Returns once the connection admits a call; waits while it is paused for the allowance. */
    void admit() {
        while (true) {
            try {
                client.admit();
                if (waiting) {
                    waiting = false;
                    say.accept("the connection's API allowance is within its share again; sending on");
                }
                return;
            } catch (ConnectionPausedException paused) {
                waitFor(paused);
            }
        }
    }

    /**
     * Waits after Salesforce refused a call for the allowance (REQUEST_LIMIT_EXCEEDED, not applied) or the
     * connection held it, until the connection's next check.
     */
    void waitFor(ConnectionPausedException paused) {
        if (!waiting) {
            waiting = true;
            say.accept("waiting: " + paused.getMessage());
        }
        Duration wait = Duration.between(clock.instant(), paused.resumeCheckAt());
        sleep(wait.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : wait);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the API allowance", e);
        }
    }
}
