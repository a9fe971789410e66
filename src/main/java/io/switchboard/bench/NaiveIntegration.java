package io.switchboard.bench;

import io.switchboard.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;

/**
 * The baseline the engine is measured against: the integration a team writes first. A plain Camel route takes
 * the same events over HTTP at {@code /naive/{type}}, answers 202 at once (nothing stored), and a pool of
 * writers as large as the engine's worker writes each event with one camel-salesforce call per record
 * ({@link WriteOneRecordPerCall}). Measured work done, {@link #stopWriting} lets the backlog go unwritten.
 */
final class NaiveIntegration extends RouteBuilder {
    static final String PATH = "/naive/";
    private static final String RECEIVED_AT = "naiveReceivedAt";

    private final String salesforceComponent;
    private final int concurrency;
    private final NaiveLedger ledger;
    private final AtomicBoolean writing = new AtomicBoolean(true);
    /** Events taken and not yet through a writer, written or let go. */
    private final AtomicInteger unfinished = new AtomicInteger();

    NaiveIntegration(String salesforceComponent, int concurrency, NaiveLedger ledger) {
        this.salesforceComponent = salesforceComponent;
        this.concurrency = concurrency;
        this.ledger = ledger;
    }

    /** As many writers as the engine has workers, with a queue that never refuses: the load is open-loop. */
    private ExecutorService writers() {
        return getContext().getExecutorServiceManager().newThreadPool(this, "naive-writer",
                new ThreadPoolProfileBuilder("naive-writer").poolSize(concurrency).maxPoolSize(concurrency)
                        .maxQueueSize(Integer.MAX_VALUE).build());
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "{type}?httpMethodRestrict=POST")
                .routeId("naive-intake")
                .convertBodyTo(String.class)
                .process(exchange -> {
                    exchange.getMessage().setHeader(RECEIVED_AT, Instant.now());
                    unfinished.incrementAndGet();
                })
                .wireTap("direct:naive-work").executorService(writers())
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"status\":\"accepted\"}"));

        WriteOneRecordPerCall write = new WriteOneRecordPerCall(getContext().createProducerTemplate(), salesforceComponent);
        from("direct:naive-work")
                .routeId("naive-writer")
                .process(exchange -> {
                    EventType type = EventType.fromPath(exchange.getMessage().getHeader("type", String.class)).orElseThrow();
                    Instant receivedAt = exchange.getMessage().getHeader(RECEIVED_AT, Instant.class);
                    try {
                        if (writing.get()) {
                            write.write(type, exchange.getMessage().getBody(String.class));
                            ledger.succeeded(type, receivedAt);
                        }
                    } catch (RuntimeException e) {
                        ledger.failed(type, receivedAt, e);
                    } finally {
                        unfinished.decrementAndGet();
                    }
                });
    }

    /**
     * Leaves the events not yet written unwritten and waits, up to {@code patience}, for the writers' calls under
     * way. A baseline that fell behind would otherwise hold Camel's shutdown for its whole timeout, and Camel then
     * logs every exchange a writer is blocked on, body and headers, which hold the events' personal data. Camel's
     * inflight count cannot tell when they are through: an event queued for a writer is not in it until it starts.
     */
    void stopWriting(Duration patience) throws InterruptedException {
        writing.set(false);
        long deadline = System.nanoTime() + patience.toNanos();
        while (unfinished.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
