package io.switchboard.events;

import java.time.Instant;

/**
 * A failure that is not one: the event cannot go on now (its connection is paused, its login refused, its files are
 * still downloading) and waits, pending, until {@link #dueAt()}. Implemented by the exceptions that say so, wherever
 * they come from, so that the worker treats every such wait alike.
 */
public interface EventHold {
    /** When the event should run again; something may make it due sooner. */
    Instant dueAt();

    /**
     * True when the event made no Salesforce call in this run, so the run wrote nothing and does not count as an
     * attempt (a counted attempt makes the next run look for what this one wrote).
     */
    boolean heldBeforeFirstCall();

    /** The code the event shows while it waits, such as {@code API_PAUSED}. */
    String holdCode();

    /** Why it waits, for the status API. */
    String holdReason();
}
