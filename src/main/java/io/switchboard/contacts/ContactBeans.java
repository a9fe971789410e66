package io.switchboard.contacts;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.camel.main.Main;

/**
 * Registers what {@code routes/contact-changed.camel.yaml} and {@code routes/contacts-api.camel.yaml} name, with
 * {@code config/contact-sync.yaml} read once at start: a changed file takes effect at the next start.
 */
public final class ContactBeans {
    /** Stands in for the url while the sync is off, so that the delivery route can be built; never called then. */
    private static final String URL_WHILE_OFF = "http://contact-sync-is-off.invalid/";
    private ContactBeans() {
    }

    public static void register(Main main, Path configDir, UnaryOperator<String> environment, ConnectionSteps connections,
                                SalesforceClients clients, EventStore store) {
        ContactSync sync = ContactSyncFile.load(configDir, environment);
        Supplier<ContactSync> settings = () -> sync;
        main.addInitialProperty("switchboard.contact-sync.source", sync.source());
        ContactSteps steps = new ContactSteps(settings, store.contactLinks(), connections);
        main.bind("readContactLinks", new ReadContactLinks(steps));
        main.bind("planSourceDelete", new PlanSourceDelete(steps));
        main.bind("reportDeletedContact", new ReportDeletedContact());
        main.bind("forgetSourceContact", new ForgetSourceContact(steps));
        main.bind("planContactUpdates", new PlanContactUpdates(steps));
        main.bind("reportContactUpdates", new ReportContactUpdates(steps));
        main.bind("matchContacts", new MatchContacts(steps));
        main.bind("composeNewContact", new ComposeNewContact(steps));
        main.bind("linkCreatedContact", new LinkCreatedContact(steps));
        main.bind("linkContacts", new LinkContacts(steps));
        main.bind("contactsApi", new ContactsApi(settings, store.contactLinks(), clients));
        registerSync(main, sync, steps, store);
    }

    /** routes/contact-sync.camel.yaml and routes/contact-delivery.camel.yaml */
    private static void registerSync(Main main, ContactSync sync, ContactSteps steps, EventStore store) {
        DeliverySettings delivery = sync.delivery();
        main.addInitialProperty("switchboard.contact-sync.enabled", String.valueOf(delivery.enabled()));
        main.addInitialProperty("switchboard.contact-sync.interval-ms", String.valueOf(delivery.interval().toMillis()));
        main.addInitialProperty("switchboard.contact-sync.url", delivery.url() == null ? URL_WHILE_OFF : delivery.url());
        main.bind("startContactSync", new StartContactSync(store));
        main.bind("readContactChanges", new ReadContactChanges(steps));
        main.bind("queueContactDeliveries", new QueueContactDeliveries(steps, store, line -> { }));
        main.bind("awaitEarlierDeliveries", new AwaitEarlierDeliveries(store));
        main.bind("signContactDelivery", new SignContactDelivery(steps));
        main.bind("deliveryAnswers", new DeliveryAnswers());
    }
}
