package io.switchboard.salesforce;

import org.apache.camel.Exchange;

/**
 * Asked by {@link SalesforceCallGuard} before each Salesforce write an event's route makes: throws
 * ({@link io.switchboard.events.ClaimLostException}) when the node no longer holds the event, so that a node whose
 * claim another node took over writes nothing more for it.
 */
@FunctionalInterface
public interface WriteFence {
    /** No fence: every write goes (where nothing claims events, such as the checks of route files). */
    WriteFence NONE = exchange -> { };

    void beforeWrite(Exchange exchange);
}
