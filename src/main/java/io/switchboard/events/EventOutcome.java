package io.switchboard.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What processing one event did, filled in by the route's steps as they go: the Salesforce records it produced and
 * warnings an operator should see. Travels as the exchange property {@link #PROPERTY}; the event store keeps it when
 * the route ends.
 */
public final class EventOutcome {
    public static final String PROPERTY = "switchboardOutcome";
    /**
     * The exchange property a route sets, to the reason, when the event needs no Salesforce write; it then stops,
     * and the event ends as {@code skipped}. A route file sets it with {@code setProperty} before {@code stop}.
     */
    public static final String SKIPPED = "switchboardSkipped";

    private final List<ProducedRecord> records = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public synchronized void produced(String sobject, String id, String action) {
        records.add(new ProducedRecord(sobject, id, action));
    }

    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    public synchronized List<ProducedRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    public synchronized List<String> warnings() {
        return Collections.unmodifiableList(new ArrayList<>(warnings));
    }
}
