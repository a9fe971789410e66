package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineSettings;
import io.switchboard.contacts.ContactSync;
import io.switchboard.contacts.ContactSyncFile;
import io.switchboard.contacts.FullContactSync;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoreInUseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;

/** Queues every Salesforce Contact for delivery to the source platform, as the contact sync's first run does. */
final class SyncContactsCommand implements Command {
    @Override
    public String name() {
        return "sync-contacts";
    }

    @Override
    public String summary() {
        return "queue every Salesforce Contact for delivery to the source platform: sync-contacts --full";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar sync-contacts --full

                Reads every Contact of the contact sync's connection (config/contact-sync.yaml), 2,000 a call, with a
                progress line per page, and queues one contact-delivery event per Contact in the event store
                (SWITCHBOARD_DB_URL, or the embedded store under SWITCHBOARD_DATA_DIR); the engine delivers them
                to SWITCHBOARD_CONTACT_SYNC_URL, and its sync goes on from the last one. Needs the sync enabled
                (SWITCHBOARD_CONTACT_SYNC_ENABLED, its URL and SWITCHBOARD_CONTACT_SYNC_SECRET). The embedded store
                can only be opened while no engine runs on it. Exits 0 when every Contact was queued.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (!args.equals(List.of("--full"))) {
            throw new UsageException("expects --full");
        }
        Logging.quiet();
        Configuration configuration = Configuration.load(console.configDir(), console.environment());
        ContactSync sync = ContactSyncFile.load(console.configDir(), name -> configuration.value(name, name).orElse(null));
        if (!sync.delivery().enabled()) {
            console.err().println("switchboard sync-contacts: the contact sync is off; set SWITCHBOARD_CONTACT_SYNC_ENABLED"
                    + " (with its URL and secret) to deliver Contacts");
            return NOT_OK;
        }
        Map<String, ConnectionSettings> connections = Connections.load(configuration);
        ConnectionSettings settings = connections.get(sync.connection());
        if (settings == null) {
            throw new UsageException("config/contact-sync.yaml names connection '" + sync.connection()
                    + "', which is not configured; configured: " + String.join(", ", connections.keySet()));
        }
        SalesforceClients clients = new SalesforceClients(Map.of(settings.name(), settings),
                ApiPauseSettings.from(configuration), LoginSettings.from(configuration), () -> { });
        try (EventStore store = EventStore.open(EngineSettings.from(configuration));
             DefaultCamelContext context = new DefaultCamelContext()) {
            SalesforceCallGuard.install(context, clients);
            context.addComponent(settings.componentName(), SalesforceComponents.createForGatedLogin(settings));
            context.start();
            int queued = FullContactSync.run(context, clients, store, sync, console.out()::println);
            console.out().println(queued + " Contact change(s) queued for delivery; the engine delivers them");
            return OK;
        } catch (StoreInUseException e) {
            console.err().println("switchboard sync-contacts: " + e.getMessage() + "; stop it first, or run the engine on"
                    + " PostgreSQL to queue while it runs");
            return NOT_OK;
        }
    }
}
