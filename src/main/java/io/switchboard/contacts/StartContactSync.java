package io.switchboard.contacts;

import io.switchboard.store.EventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Begins a run of the sync from its watermark in the event store; with none yet, the run reads every Contact. */
final class StartContactSync implements Processor {
    private final EventStore store;

    StartContactSync(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(SyncRun.PROPERTY, new SyncRun(store.watermark(SyncPosition.WATERMARK)
                .flatMap(SyncPosition::parse)));
    }
}
