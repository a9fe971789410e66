package io.switchboard.engine;

import io.switchboard.attachments.AttachmentDownloads;
import io.switchboard.behaviours.AdvanceReferralWatermark;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.CreateCallTicket;
import io.switchboard.behaviours.FindCallPerson;
import io.switchboard.behaviours.LookupCallAgent;
import io.switchboard.behaviours.MapCxIntake;
import io.switchboard.behaviours.MapReferralStatus;
import io.switchboard.behaviours.ReadReferralWatermark;
import io.switchboard.behaviours.ReportUpdatedRecord;
import io.switchboard.behaviours.ReportUpsertedRecord;
import io.switchboard.behaviours.StoreReferralChanges;
import io.switchboard.behaviours.conversation.ComposeComments;
import io.switchboard.behaviours.conversation.FindConversationContact;
import io.switchboard.behaviours.conversation.FindConversationUsers;
import io.switchboard.behaviours.conversation.LoadAttachments;
import io.switchboard.behaviours.conversation.RequireAuditPermission;
import io.switchboard.behaviours.conversation.WriteCaseWithComments;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.LiveMappings;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.PollSettings;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.main.Main;

/**
 * Registers the steps the behaviour routes in {@code routes/} call by name ({@code process: ref: ...},
 * {@code bean: ref: ...}), so that one place lists every name a route may use.
 */
final class BehaviourBeans {
    /** Used only to build the poll route's Quartz endpoint when no cron is configured: the route stays stopped. */
    private static final String UNUSED_POLL_CRON = "0 0/5 * * * ?";

    private BehaviourBeans() {
    }

    static void register(Main main, LiveMappings mappings, SalesforceClients clients, EventStore store,
                         AttachmentDownloads downloads) {
        main.bind("mappings", mappings);
        ConnectionSteps steps = new ConnectionSteps(clients, Clock.systemUTC());
        registerConversationClosed(main, () -> mappings.get().conversationClosed(), steps, downloads);
        registerCall(main, mappings, steps);
        registerReferral(main, mappings, steps, store);
        main.bind("mapCxIntake", new MapCxIntake(mappings, steps));
        // after the Salesforce writes the route files make themselves
        main.bind("reportUpdatedRecord", new ReportUpdatedRecord());
        main.bind("reportUpsertedRecord", new ReportUpsertedRecord());
    }

    /** routes/conversation-closed.camel.yaml */
    private static void registerConversationClosed(Main main, Supplier<ConversationClosedMapping> mapping,
                                                   ConnectionSteps steps, AttachmentDownloads downloads) {
        main.bind("attachmentDownloads", downloads);
        main.bind("requireAuditPermission", new RequireAuditPermission(mapping, steps));
        main.bind("findConversationContact", new FindConversationContact(mapping, steps));
        main.bind("findConversationUsers", new FindConversationUsers(mapping, steps));
        main.bind("loadAttachments", new LoadAttachments(mapping, downloads));
        main.bind("composeComments", new ComposeComments(mapping));
        main.bind("writeCaseWithComments", new WriteCaseWithComments(mapping, steps));
    }

    private static void registerCall(Main main, Supplier<Mappings> mappings, ConnectionSteps steps) {
        main.bind("chooseCallTrigger", new ChooseCallTrigger(mappings));
        main.bind("findCallPerson", new FindCallPerson(steps));
        main.bind("lookupCallAgent", new LookupCallAgent(steps));
        main.bind("createCallTicket", new CreateCallTicket(steps));
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
