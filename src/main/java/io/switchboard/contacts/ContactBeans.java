package io.switchboard.contacts;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.camel.main.Main;

/**
 * Registers what {@code routes/contact-changed.camel.yaml} and {@code routes/contacts-api.camel.yaml} name, with
 * {@code config/contact-sync.yaml} read once at start: a changed file takes effect at the next start.
 */
public final class ContactBeans {
    private ContactBeans() {
    }

    public static void register(Main main, Path configDir, ConnectionSteps connections, SalesforceClients clients,
                                EventStore store) {
        ContactSync sync = ContactSyncFile.load(configDir);
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
    }
}
