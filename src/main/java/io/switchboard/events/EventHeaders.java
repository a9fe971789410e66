package io.switchboard.events;

/** The headers (and the one property) an event carries through its route, set by the worker that hands it over. */
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

    /**
     * Exchange property, not a header: the store's claim (a {@code store.ClaimedEvent}) the event's route runs under,
     * which the lease fence checks before each Salesforce write.
     */
    public static final String CLAIM = "switchboardClaim";

    private EventHeaders() {
    }
}
