package io.switchboard.events;

/**
 * The node no longer holds the event it is processing: its lease ran out (a long pause, the store out of reach) and
 * another node took the event over. Thrown before a Salesforce write, which is then not sent: the attempt stops, and
 * the node that holds the event now finishes it.
 */
public final class ClaimLostException extends RuntimeException {
    public ClaimLostException(String eventId) {
        super("event " + eventId + " was taken over by another node after this node's lease on it ran out; "
                + "this attempt stops before writing");
    }
}
