package io.switchboard.processing;

import io.switchboard.events.ClaimLostException;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventHold;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventProperties;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.intake.StoredEventRead;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventError;
import io.switchboard.store.EventStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed event through the route for its type ({@code direct:<type>}) and records how it ended: done
 * with the records it produced, skipped with the reason, back to pending after a transient failure or while its
 * connection is paused, or failed with Salesforce's errorCode and message.
 */
final class RouteEvent {
    private static final Logger LOG = LoggerFactory.getLogger(RouteEvent.class);
    /** Longer than a reload takes to stop a file's route and start its new version. */
    private static final long ROUTE_WAIT_MILLIS = 2_000;

    private final CamelContext context;
    private final ProducerTemplate producer;
    private final EventStore store;
    private final RetryBackoff backoff;
    private final ProcessingStats stats;

    RouteEvent(CamelContext context, EventStore store, RetryBackoff backoff, ProcessingStats stats) {
        this.stats = stats;
        this.context = context;
        this.producer = context.createProducerTemplate();
        this.store = store;
        this.backoff = backoff;
    }

    void process(ClaimedEvent event) {
        Optional<EventBatch.Member> read = read(event);
        if (read.isEmpty()) {
            return;
        }
        Record record = read.get().event(Record.class);
        EventOutcome outcome = read.get().outcome();
        Exchange exchange = ExchangeBuilder.anExchange(context)
                .withBody(record)
                .withProperty(EventProperties.EVENT, record)
                .withHeader(EventHeaders.EVENT_ID, event.id())
                .withHeader(EventHeaders.ATTEMPT, event.attempts())
                .withHeader(EventHeaders.RECEIVED_AT, event.receivedAt())
                .withProperty(EventOutcome.PROPERTY, outcome)
                .withProperty(EventHeaders.CLAIM, event)
                .build();
        send(event.type(), exchange);
        recordOutcome(event, exchange.getException(), exchange.getProperty(EventOutcome.SKIPPED, String.class), outcome);
    }

    /**
     * The claimed event as its route takes it, its outcome holding the warnings found at intake beside those the route
     * adds; empty, the event failed, when its stored JSON cannot be read.
     */
    private Optional<EventBatch.Member> read(ClaimedEvent event) {
        try {
            StoredEventRead parsed = EventParser.read(event.type(), event.payload());
            EventOutcome outcome = new EventOutcome();
            parsed.warnings().forEach(outcome::warn);
            return Optional.of(new EventBatch.Member(event, parsed.event(), outcome));
        } catch (InvalidEventException e) {
            store.markFailed(event, new EventError("INVALID_EVENT", e.getMessage()), List.of(), List.of());
            return Optional.empty();
        }
    }

    /** A route being replaced by a reload is missing for a moment: wait that long for it, not Camel's 30 s. */
    private void send(EventType type, Exchange exchange) {
        producer.send("direct:" + type.path() + "?block=true&timeout=" + ROUTE_WAIT_MILLIS, exchange);
    }

    /**
     * Sends the claimed events of one batched type through their route in one exchange ({@link EventBatch}) and
     * records how each ended: by its own failure if its route gave it one, else by the run's.
     */
    void processBatch(List<ClaimedEvent> events) {
        List<EventBatch.Member> members = events.stream().map(this::read).flatMap(Optional::stream).toList();
        if (members.isEmpty()) {
            return;
        }
        EventBatch batch = new EventBatch(members);
        ClaimedEvent first = members.get(0).claim();
        Exchange exchange = ExchangeBuilder.anExchange(context)
                .withBody(batch)
                .withProperty(EventBatch.PROPERTY, batch)
                .withHeader(EventHeaders.EVENT_ID, first.id())
                .withHeader(EventHeaders.ATTEMPT, members.stream().mapToInt(member -> member.claim().attempts()).max()
                        .orElse(1))
                .withHeader(EventHeaders.RECEIVED_AT, first.receivedAt())
                .build();
        send(first.type(), exchange);
        for (EventBatch.Member member : members) {
            Exception failure = member.failed() ? member.failure() : exchange.getException();
            recordOutcome(member.claim(), failure, null, member.outcome());
        }
    }

    /**
     * Every change names this attempt's claim: when another node took the event over meanwhile, none applies and the
     * attempt ends here, leaving the event to that node.
     */
    private void recordOutcome(ClaimedEvent event, Exception failure, String skipped, EventOutcome outcome) {
        if (failure != null && FailureKind.find(failure, ClaimLostException.class) != null) {
            abandoned(event);
        } else if (failure == null && skipped != null) {
            if (store.markSkipped(event, skipped, outcome.warnings())) {
                recordEnd(event, new Ending("skipped", skipped), outcome);
            } else {
                abandoned(event);
            }
        } else if (failure == null) {
            if (store.markDone(event, outcome.records(), outcome.warnings())) {
                recordEnd(event, new Ending("done", null), outcome);
            } else {
                abandoned(event);
            }
        } else {
            recordFailure(event, failure, outcome);
        }
    }

    private void recordFailure(ClaimedEvent event, Exception failure, EventOutcome outcome) {
        FailureKind kind = FailureKind.of(failure);
        if (kind == FailureKind.HELD) {
            EventHold hold = FailureKind.find(failure, EventHold.class);
            if (store.holdUntil(event, hold.dueAt(), new EventError(hold.holdCode(), hold.holdReason()),
                    !hold.heldBeforeFirstCall())) {
                LOG.debug("Event {} ({}) waits: {}", event.id(), event.type().path(), hold.holdReason());
                stats.attemptEnded("held");
            } else {
                abandoned(event);
            }
            return;
        }
        EventError error = errorOf(event, failure);
        if (kind.isTransient()) {
            if (store.retryLater(event, backoff.nextAttempt(event.attempts()), error)) {
                LOG.info("Event {} ({}) failed transiently on attempt {}, will retry: {} {}", event.id(),
                        event.type().path(), event.attempts(), error.code(), error.message());
                stats.attemptEnded("retried");
            } else {
                abandoned(event);
            }
        } else if (store.markFailed(event, error, outcome.records(), outcome.warnings())) {
            recordEnd(event, new Ending("failed", error.code() + ": " + error.message()), outcome);
        } else {
            abandoned(event);
        }
    }

    private void abandoned(ClaimedEvent event) {
        stats.attemptEnded("abandoned");
        LOG.warn("Event {} ({}) attempt {} abandoned: another node took it over after this node's lease on it ran out",
                event.id(), event.type().path(), event.attempts());
    }

    /**
     * One line per event that has ended, for operators following the log: what, how it ended, what it wrote, how long
     * it took from acceptance and in how many attempts. A failure is a warning, since someone should look at it.
     */
    private void recordEnd(ClaimedEvent event, Ending ending, EventOutcome outcome) {
        Duration took = Duration.between(event.receivedAt(), Instant.now());
        stats.record(event.type(), took);
        stats.attemptEnded(ending.outcome());
        String line = "Event {} ({}) {}: {}; {} ms after acceptance, attempt {}{}";
        Object[] values = {event.id(), event.type().path(), ending, describe(outcome.records()), took.toMillis(),
                event.attempts(), outcome.warnings().isEmpty() ? "" : ", " + outcome.warnings().size() + " warning(s)"};
        if (ending.outcome().equals("failed")) {
            LOG.warn(line, values);
        } else {
            LOG.info(line, values);
        }
    }

    /** How an event ended (done, skipped, failed), and why when it says. */
    private record Ending(String outcome, String reason) {
        @Override
        public String toString() {
            return reason == null ? outcome : outcome + " (" + reason + ")";
        }
    }

    /** The records as counts, such as {@code Case created, 4 CaseComment created}. */
    private static String describe(List<ProducedRecord> records) {
        if (records.isEmpty()) {
            return "no records";
        }
        Map<String, Long> counts = records.stream().collect(Collectors.groupingBy(
                record -> record.sobject() + " " + record.action(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(entry -> (entry.getValue() == 1 ? "" : entry.getValue() + " ") + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    private static EventError errorOf(ClaimedEvent event, Exception failure) {
        SalesforceApiException salesforce = FailureKind.find(failure, SalesforceApiException.class);
        if (salesforce != null) {
            return new EventError(salesforce.errorCode(), salesforce.getMessage());
        }
        if (FailureKind.find(failure, DirectConsumerNotAvailableException.class) != null) {
            return new EventError("NO_ROUTE", "no route handles " + event.type().path()
                    + " events: routes/ has no route from direct:" + event.type().path());
        }
        IOException io = FailureKind.find(failure, IOException.class);
        if (io != null) {
            return new EventError("CONNECTION_FAILED", String.valueOf(io.getMessage()));
        }
        return new EventError("PROCESSING_ERROR", failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }
}
