package io.switchboard.contacts;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * Every Contact of the org read and queued for delivery, page after page, as the sync's first run does, whatever the
 * watermark says; the watermark then stands after the last one. For {@code sync-contacts --full}.
 */
public final class FullContactSync {
    private FullContactSync() {
    }

    /** @return how many deliveries were queued; the progress line of each page goes to {@code progress} */
    public static int run(CamelContext context, SalesforceClients clients, EventStore store, ContactSync sync,
                          Consumer<String> progress) throws Exception {
        ContactSteps steps = new ContactSteps(() -> sync, store.contactLinks(), new ConnectionSteps(clients,
                Clock.systemUTC()));
        ReadContactChanges read = new ReadContactChanges(steps);
        QueueContactDeliveries queue = new QueueContactDeliveries(steps, store, progress);
        SyncRun run = new SyncRun(Optional.empty());
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(SyncRun.PROPERTY, run);
        while (!run.isDone()) {
            read.process(exchange);
            queue.process(exchange);
        }
        return run.queued();
    }
}
