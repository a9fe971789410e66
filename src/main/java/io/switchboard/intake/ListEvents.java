package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.FieldProblem;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.api.JsonAnswers;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers {@code GET /events?status=failed&limit=50}: a page of events, newest first, of one status or all. */
public final class ListEvents implements Processor {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final EventStore store;

    public ListEvents(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<EventStatus> status = status(HttpRequestParts.query(exchange, "status").orElse(null), problems);
        int limit = limit(HttpRequestParts.query(exchange, "limit").orElse(null), problems);
        if (!problems.isEmpty()) {
            throw ApiRefusal.problems("invalid_request", problems);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode events = answer.putArray("events");
        store.list(status, limit).forEach(event -> events.add(EventJson.of(event)));
        JsonAnswers.write(exchange, 200, answer);
    }

    private static Optional<EventStatus> status(String value, List<FieldProblem> problems) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<EventStatus> status = EventStatus.fromLabel(value);
        if (status.isEmpty()) {
            problems.add(new FieldProblem("status", "must be one of " + EventStatus.labels()));
        }
        return status;
    }

    private static int limit(String value, List<FieldProblem> problems) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the range expected
        }
        problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
