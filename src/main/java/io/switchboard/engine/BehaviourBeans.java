package io.switchboard.engine;

import io.switchboard.mapping.Mappings;
import io.switchboard.salesforce.SalesforceClients;
import org.apache.camel.main.Main;

/**
 * Registers the steps the behaviour routes in {@code routes/} call by name ({@code process: ref: ...},
 * {@code bean: ref: ...}), so that one place lists every name a route may use.
 */
final class BehaviourBeans {
    private BehaviourBeans() {
    }

    static void register(Main main, Mappings mappings, SalesforceClients clients) {
        main.bind("mappings", mappings);
    }
}
