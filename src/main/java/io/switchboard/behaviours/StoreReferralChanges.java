package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.EventType;
import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.intake.ParsedEvent;
import io.switchboard.store.Acceptance;
import io.switchboard.store.EventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each status change a Case Xchange poll answered (a JSON array of referral-status-changed events) as the
 * intake stores a posted one: checked, keyed by its derived idempotency key so a change polled twice is a
 * duplicate, then left for the worker. A change that is not a valid event is logged with its problems and left
 * out. The latest {@code changedAt} stored becomes the candidate watermark.
 */
public final class StoreReferralChanges implements Processor {
    /** The exchange property holding the latest change stored by this poll, an {@link Instant}. */
    public static final String LATEST_CHANGE = "switchboardLatestReferralChange";
    private static final Logger LOG = LoggerFactory.getLogger(StoreReferralChanges.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore store;

    public StoreReferralChanges(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        JsonNode changes = JSON.readTree(exchange.getMessage().getBody(byte[].class));
        if (changes == null || !changes.isArray()) {
            throw new IllegalArgumentException("the Case Xchange poll answer must be a JSON array of referral status "
                    + "changes; got " + (changes == null ? "an empty body" : changes.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        Instant latest = null;
        int accepted = 0;
        int duplicates = 0;
        for (int index = 0; index < changes.size(); index++) {
            try {
                ParsedEvent parsed = EventParser.parse(EventType.REFERRAL_STATUS_CHANGED,
                        changes.get(index).toString().getBytes(StandardCharsets.UTF_8));
                Acceptance acceptance = store.accept(parsed.toStore(null));
                if (acceptance.keyReused()) {
                    LOG.warn("Case Xchange poll: change [{}] left out: a change of this referral with the same status "
                            + "and changedAt but other content was stored before", index);
                    continue;
                }
                accepted += acceptance.duplicate() ? 0 : 1;
                duplicates += acceptance.duplicate() ? 1 : 0;
                Instant changedAt = ((ReferralStatusChanged) parsed.event()).changedAt();
                latest = latest == null || changedAt.isAfter(latest) ? changedAt : latest;
            } catch (InvalidEventException e) {
                LOG.warn("Case Xchange poll: change [{}] left out: {}", index, describe(e));
            }
        }
        LOG.info("Case Xchange poll: {} change(s), {} new, {} already stored", changes.size(), accepted, duplicates);
        if (latest != null) {
            exchange.setProperty(LATEST_CHANGE, latest);
        }
    }

    private static String describe(InvalidEventException e) {
        return e.problems().stream().map(problem -> problem.field() + " " + problem.message())
                .collect(Collectors.joining("; "));
    }
}
