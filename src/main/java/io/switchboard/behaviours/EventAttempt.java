package io.switchboard.behaviours;

import io.switchboard.events.EventHeaders;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * Which attempt at an event a route is running, and when the event was accepted. A retry (an attempt after the
 * first) may follow an attempt whose writes reached Salesforce without their answer reaching us, so write steps
 * look for those writes first; the first attempt spends no API call on looking.
 *
 * @param number 1 for the first attempt
 * @param receivedAt when the event was accepted
 */
public record EventAttempt(int number, Instant receivedAt) {
    /**
     * How far Salesforce's clock may be behind ours: a record this event wrote has a CreatedDate no earlier than
     * receivedAt less this.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /**
     * The worker's headers; a route driven another way (no headers) runs as a first attempt. Each time the shared
     * error handling (routes/salesforce-errors.camel.yaml) runs a failed step again within the route counts as a
     * further attempt: the step may have written part of its work before it failed.
     */
    public static EventAttempt of(Exchange exchange) {
        Integer number = exchange.getMessage().getHeader(EventHeaders.ATTEMPT, Integer.class);
        int redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        Instant receivedAt = exchange.getMessage().getHeader(EventHeaders.RECEIVED_AT, Instant.class);
        return new EventAttempt((number == null ? 1 : number) + redeliveries,
                receivedAt == null ? Instant.now() : receivedAt);
    }

    public boolean retry() {
        return number > 1;
    }

    /** The earliest CreatedDate a record written for this event can carry. */
    public Instant earliestWrite() {
        return receivedAt.minus(CLOCK_SKEW);
    }
}
