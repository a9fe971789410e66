package io.switchboard.intake;

import io.switchboard.store.EventStore;
import java.util.function.BiConsumer;

/** Registers the processors that {@code routes/events-api.camel.yaml} names with {@code ref:}. */
public final class IntakeBeans {
    private IntakeBeans() {
    }

    public static void bind(BiConsumer<String, Object> registry, EventStore store) {
        registry.accept("readEvent", new ReadEvent());
        registry.accept("readCampaignSend", new ReadCampaignSend());
        registry.accept("storeEvent", new StoreEvent(store));
        registry.accept("showEvent", new ShowEvent(store));
        registry.accept("listEvents", new ListEvents(store));
        registry.accept("replayEvent", new ReplayEvent(store));
        registry.accept("showEventSchema", new ShowEventSchema());
    }
}
