package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.Eventually;
import io.switchboard.events.Call;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.ProducedRecord;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.store.EventError;
import io.switchboard.store.EventStatus;
import io.switchboard.store.ReplayResult;
import io.switchboard.store.StoredEvent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker in a started engine, feeding accepted calls to a test route on {@code direct:call} whose behaviour
 * each test picks through the call's queue, and recording how each event ended.
 */
class EventWorkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 2;
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<String, Object> BODIES = new ConcurrentHashMap<>();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
    private static final CountDownLatch SLOW_ROUTE = new CountDownLatch(1);
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of(
                    "SWITCHBOARD_WORKER_CONCURRENCY", String.valueOf(CONCURRENCY),
                    "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "20",
                    "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "10",
                    "SWITCHBOARD_RETRY_MAX_DELAY_MS", "40"))
            .withTestRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").routeId("test-call").process(EventWorkerTest::behaveAsTheQueueSays);
                }
            });

    /** Lets a call still held in the slow route end, before the extension stops the engine. */
    @AfterAll
    static void releaseTheSlowRoute() {
        SLOW_ROUTE.countDown();
    }

    private static void behaveAsTheQueueSays(Exchange exchange) throws Exception {
        Call call = exchange.getMessage().getBody(Call.class);
        String eventId = exchange.getMessage().getHeader(EventHeaders.EVENT_ID, String.class);
        BODIES.put(eventId, exchange.getMessage().getBody());
        EventOutcome outcome = exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
        int attempt = ATTEMPTS.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        switch (call.queue()) {
            case "ok" -> {
                outcome.produced("Task", "00T000000000001AAA", "created");
                outcome.warn("no user has the agent's email; the task belongs to the integration user");
            }
            case "skip" -> exchange.setProperty(EventOutcome.SKIPPED, "no trigger matches this call");
            case "busy-twice" -> {
                if (attempt <= 2) {
                    throw new SalesforceApiException(503, "SERVER_UNAVAILABLE", "Salesforce is busy", List.of(), null);
                }
                outcome.produced("Task", "00T000000000002AAA", "created");
            }
            case "unreachable" -> throw new SalesforceApiException(0, "CONNECTION_FAILED", "Connection refused", List.of(), null);
            case "refused" -> {
                outcome.produced("Contact", "003000000000001AAA", "created");
                throw new SalesforceApiException(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        "Status: bad value for restricted picklist field: Teleported", List.of("Status"), null);
            }
            case "refused-once" -> {
                if (attempt == 1) {
                    throw new SalesforceApiException(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "fix the data", List.of(), null);
                }
                outcome.produced("Task", "00T000000000003AAA", "created");
            }
            case "broken" -> throw new IllegalStateException("the mapping has no subject template");
            case "slow" -> runSlowly();
            default -> throw new IllegalArgumentException("no test behaviour for queue " + call.queue());
        }
    }

    private static void runSlowly() throws InterruptedException {
        MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            SLOW_ROUTE.await(10, TimeUnit.SECONDS);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    private static int calls;

    /** Posts an inbound call whose queue picks the test route's behaviour; answers the event id. */
    private static String postCall(String queue) throws Exception {
        ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json")));
        call.put("callId", queue + "-" + (++calls)).put("queue", queue);
        HttpResponse<String> response = rig.engine().postEvent("call", call.toString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("eventId").asText();
    }

    @Test
    void shouldMarkAnEventDoneWithTheRecordsAndWarningsItsRouteReported() throws Exception {
        String id = postCall("ok");
        StoredEvent done = Eventually.reaches(rig.engine().store(), id, EventStatus.DONE);
        assertEquals(List.of(new ProducedRecord("Task", "00T000000000001AAA", "created")), done.records());
        assertEquals(List.of("no user has the agent's email; the task belongs to the integration user"), done.warnings());
        assertEquals(1, done.attempts());
        assertNull(done.error());
        Call body = (Call) BODIES.get(id);
        assertEquals("ok", body.queue());
        assertEquals("+393331234567", body.callerNumber());
    }

    @Test
    void shouldMarkAnEventSkippedWithTheReason() throws Exception {
        StoredEvent skipped = Eventually.reaches(rig.engine().store(), postCall("skip"), EventStatus.SKIPPED);
        assertEquals(new EventError("skipped", "no trigger matches this call"), skipped.error());
    }

    @Test
    void shouldRetryATransientSalesforceFailureUntilItSucceeds() throws Exception {
        StoredEvent done = Eventually.reaches(rig.engine().store(), postCall("busy-twice"), EventStatus.DONE);
        assertEquals(3, done.attempts());
        assertEquals("00T000000000002AAA", done.records().get(0).id());
        assertNull(done.error(), "a success clears the error of the failed attempts");
    }

    @Test
    void shouldKeepRetryingWhileSalesforceIsUnreachableShowingWhy() throws Exception {
        StoredEvent waiting = Eventually.matches(rig.engine().store(), postCall("unreachable"),
                event -> event.attempts() >= 3 && event.status() != EventStatus.PROCESSING, "three attempts");
        assertEquals(EventStatus.PENDING, waiting.status());
        assertEquals(new EventError("CONNECTION_FAILED", "Connection refused"), waiting.error());
    }

    @Test
    void shouldFailAnEventWithSalesforcesErrorCodeAndMessage() throws Exception {
        StoredEvent failed = Eventually.reaches(rig.engine().store(), postCall("refused"), EventStatus.FAILED);
        assertEquals(new EventError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "Status: bad value for restricted picklist field: Teleported"), failed.error());
        assertEquals(1, failed.attempts(), "a refusal is not retried");
        assertEquals("Contact", failed.records().get(0).sobject(), "what was written before the refusal stays visible");
    }

    @Test
    void shouldFailAnEventWithTheMessageOfAnyOtherException() throws Exception {
        StoredEvent failed = Eventually.reaches(rig.engine().store(), postCall("broken"), EventStatus.FAILED);
        assertEquals(new EventError("PROCESSING_ERROR", "the mapping has no subject template"), failed.error());
    }

    @Test
    void shouldFailAnEventWhoseTypeHasNoRouteAndKeepWorking() throws Exception {
        String json = Files.readString(Path.of("src/test/resources/events/referral-status-changed.json"));
        String id = JSON.readTree(rig.engine().postEvent("referral-status-changed", json).body()).path("eventId").asText();
        StoredEvent failed = Eventually.reaches(rig.engine().store(), id, EventStatus.FAILED);
        assertEquals("NO_ROUTE", failed.error().code());
        assertTrue(failed.error().message().contains("direct:referral-status-changed"), failed.error().message());
        Eventually.reaches(rig.engine().store(), postCall("ok"), EventStatus.DONE);
    }

    @Test
    void shouldProcessAReplayedEventAgain() throws Exception {
        String id = postCall("refused-once");
        Eventually.reaches(rig.engine().store(), id, EventStatus.FAILED);
        assertEquals(ReplayResult.REQUEUED, rig.engine().store().replay(id));
        StoredEvent done = Eventually.reaches(rig.engine().store(), id, EventStatus.DONE);
        assertEquals("00T000000000003AAA", done.records().get(0).id());
        assertEquals(2, ATTEMPTS.get(id).get());
    }

    @Test
    void shouldNeverRunMoreEventsAtOnceThanItsConcurrency() throws Exception {
        List<String> slow = List.of(postCall("slow"), postCall("slow"), postCall("slow"), postCall("slow"));
        Eventually.matches(rig.engine().store(), slow.get(0), event -> IN_FLIGHT.get() == CONCURRENCY, "both slots busy");
        Thread.sleep(100);
        assertEquals(CONCURRENCY, MOST_IN_FLIGHT.get());
        assertEquals(CONCURRENCY, rig.engine().store().countsByStatus().get(EventStatus.PROCESSING));
        SLOW_ROUTE.countDown();
        for (String id : slow) {
            Eventually.reaches(rig.engine().store(), id, EventStatus.DONE);
        }
        assertEquals(CONCURRENCY, MOST_IN_FLIGHT.get());
    }
}
