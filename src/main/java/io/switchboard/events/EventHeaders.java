package io.switchboard.events;

/** The headers an event carries through its route, set by the worker that hands it over. */
public final class EventHeaders {
    /** The event's id. */
    public static final String EVENT_ID = "switchboardEventId";
    /**
     * The number of this attempt at the event (an Integer, 1 for the first): above 1, an earlier attempt may have
     * written to Salesforce before failing, so the route looks for what it wrote.
     */
    public static final String ATTEMPT = "switchboardAttempt";
    /** The Instant the event was accepted: nothing it wrote to Salesforce is older. */
    public static final String RECEIVED_AT = "switchboardReceivedAt";

    private EventHeaders() {
    }
}
