package io.switchboard.engine;

import io.switchboard.attachments.AttachmentDownloads;
import io.switchboard.behaviours.AdvanceReferralWatermark;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.behaviours.ComposeCallPerson;
import io.switchboard.behaviours.ComposeCallTicket;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.FindCallPerson;
import io.switchboard.behaviours.FindWrittenCallTicket;
import io.switchboard.behaviours.LookupCallAgent;
import io.switchboard.behaviours.MapCxIntake;
import io.switchboard.behaviours.MapReferralStatus;
import io.switchboard.behaviours.ReadReferralWatermark;
import io.switchboard.behaviours.RememberCallPerson;
import io.switchboard.behaviours.ReportCallTicket;
import io.switchboard.behaviours.ReportUpdatedRecord;
import io.switchboard.behaviours.ReportUpsertedRecord;
import io.switchboard.behaviours.StaleCallPerson;
import io.switchboard.behaviours.StoreReferralChanges;
import io.switchboard.behaviours.conversation.ComposeComments;
import io.switchboard.behaviours.conversation.ComposeCustomerContact;
import io.switchboard.behaviours.conversation.FindConversationContact;
import io.switchboard.behaviours.conversation.FindConversationUsers;
import io.switchboard.behaviours.conversation.IncompleteCase;
import io.switchboard.behaviours.conversation.LoadAttachments;
import io.switchboard.behaviours.conversation.LookForWrittenCase;
import io.switchboard.behaviours.conversation.NextCaseWrite;
import io.switchboard.behaviours.conversation.PlanCaseWrites;
import io.switchboard.behaviours.conversation.ReadCaseWrite;
import io.switchboard.behaviours.conversation.RememberCustomerContact;
import io.switchboard.behaviours.conversation.ReportCaseWrites;
import io.switchboard.behaviours.conversation.RequireAuditPermission;
import io.switchboard.campaigns.CampaignBeans;
import io.switchboard.config.Configuration;
import io.switchboard.contacts.ContactBeans;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.LiveMappings;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.PollSettings;
import io.switchboard.referrals.ReferralBeans;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.store.EventStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.main.Main;

/**
 * Registers the steps the behaviour routes in {@code routes/} call by name ({@code process: ref: ...},
 * {@code bean: ref: ...}), so that one place lists every name a route may use.
 */
final class BehaviourBeans {
    /** Stands in for the cron while the poll is off, when the poll route is not created at all. */
    private static final String UNUSED_POLL_CRON = "0 0/5 * * * ?";

    private BehaviourBeans() {
    }

    static void register(Main main, Configuration configuration, LiveMappings mappings, SalesforceClients clients, EventStore store,
                         AttachmentDownloads downloads, WriteFence fence) {
        main.bind("mappings", mappings);
        Clock clock = Clock.systemUTC();
        ConnectionSteps steps = new ConnectionSteps(clients, clock);
        registerConversationClosed(main, () -> mappings.get().conversationClosed(), steps, downloads, clock);
        registerCall(main, mappings, steps, clock);
        registerReferral(main, mappings, steps, store);
        main.bind("mapCxIntake", new MapCxIntake(mappings, steps));
        // the contact sync's delivery settings may come from the environment, as every other setting may
        ContactBeans.register(main, configuration.configDir(), name -> configuration.value(name, name).orElse(null), steps,
                clients, store);
        ReferralBeans.register(main, configuration.configDir(), name -> configuration.value(name, name).orElse(null),
                steps, store);
        CampaignBeans.register(main, name -> configuration.value(name, name).orElse(null), steps, store, fence);
        // after the Salesforce writes the route files make themselves
        main.bind("reportUpdatedRecord", new ReportUpdatedRecord());
        main.bind("reportUpsertedRecord", new ReportUpsertedRecord());
    }

    /** routes/conversation-closed.camel.yaml */
    private static void registerConversationClosed(Main main, Supplier<ConversationClosedMapping> mapping,
                                                   ConnectionSteps steps, AttachmentDownloads downloads, Clock clock) {
        main.bind("attachmentDownloads", downloads);
        main.bind("loadAttachments", new LoadAttachments(mapping, downloads));
        main.bind("requireAuditPermission", new RequireAuditPermission(mapping, steps));
        main.bind("findConversationContact", new FindConversationContact(mapping, steps));
        main.bind("composeCustomerContact", new ComposeCustomerContact(steps, clock));
        main.bind("rememberCustomerContact", new RememberCustomerContact(mapping, steps, clock));
        main.bind("findConversationUsers", new FindConversationUsers(mapping, steps));
        main.bind("composeComments", new ComposeComments(mapping));
        main.bind("planCaseWrites", new PlanCaseWrites(mapping, steps));
        main.bind("lookForWrittenCase", new LookForWrittenCase(steps));
        main.bind("nextCaseWrite", new NextCaseWrite(steps));
        main.bind("readCaseWrite", new ReadCaseWrite(mapping, steps));
        main.bind("incompleteCase", new IncompleteCase(steps));
        main.bind("reportCaseWrites", new ReportCaseWrites());
    }

    /** routes/call.camel.yaml */
    private static void registerCall(Main main, Supplier<Mappings> mappings, ConnectionSteps steps, Clock clock) {
        main.bind("chooseCallTrigger", new ChooseCallTrigger(mappings));
        main.bind("findCallPerson", new FindCallPerson(steps));
        main.bind("composeCallPerson", new ComposeCallPerson(steps, clock));
        main.bind("rememberCallPerson", new RememberCallPerson(steps, clock));
        main.bind("lookupCallAgent", new LookupCallAgent(steps));
        main.bind("composeCallTicket", new ComposeCallTicket(steps));
        main.bind("findWrittenCallTicket", new FindWrittenCallTicket(steps));
        main.bind("staleCallPerson", new StaleCallPerson(steps));
        main.bind("reportCallTicket", new ReportCallTicket());
    }

    private static void registerReferral(Main main, Supplier<Mappings> mappings, ConnectionSteps steps, EventStore store) {
        main.bind("mapReferralStatus", new MapReferralStatus(mappings, steps));
        main.bind("readReferralWatermark", new ReadReferralWatermark(store));
        main.bind("storeReferralChanges", new StoreReferralChanges(store));
        main.bind("advanceReferralWatermark", new AdvanceReferralWatermark(store));
        // the poll's settings live in config/referral-status-changed.yaml; the route reads them as placeholders,
        // once at start: a changed cron or URL takes effect at the next start
        PollSettings poll = mappings.get().referral().poll();
        main.addInitialProperty("switchboard.referral-poll.enabled", String.valueOf(poll.enabled()));
        main.addInitialProperty("switchboard.referral-poll.cron", poll.cron() == null ? UNUSED_POLL_CRON : poll.cron());
        main.addInitialProperty("switchboard.referral-poll.url", poll.url() == null ? "" : poll.url());
    }
}
