package io.switchboard.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What processing one event did, filled in by the route's steps as they go: the Salesforce records it produced,
 * warnings an operator should see, or the reason it was skipped. Travels as the exchange property
 * {@link #PROPERTY}; the event store keeps it when the route ends.
 */
public final class EventOutcome {
    public static final String PROPERTY = "switchboardOutcome";

    private final List<ProducedRecord> records = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String skippedReason;

    public synchronized void produced(String sobject, String id, String action) {
        records.add(new ProducedRecord(sobject, id, action));
    }

    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    /** The event needs no Salesforce write; the route stops and the event ends as {@code skipped}. */
    public synchronized void skip(String reason) {
        this.skippedReason = reason;
    }

    public synchronized List<ProducedRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    public synchronized List<String> warnings() {
        return Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public synchronized String skippedReason() {
        return skippedReason;
    }

    public synchronized boolean skipped() {
        return skippedReason != null;
    }
}
