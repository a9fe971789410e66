package io.switchboard.engine;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.conversation.ComposeComments;
import io.switchboard.behaviours.conversation.FindConversationContact;
import io.switchboard.behaviours.conversation.FindConversationUsers;
import io.switchboard.behaviours.conversation.LoadAttachments;
import io.switchboard.behaviours.conversation.RequireAuditPermission;
import io.switchboard.behaviours.conversation.WriteCaseWithComments;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.Mappings;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
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
        ConnectionSteps steps = new ConnectionSteps(clients, Clock.systemUTC());
        registerConversationClosed(main, mappings.conversationClosed(), steps);
    }

    /** routes/conversation-closed.camel.yaml */
    private static void registerConversationClosed(Main main, ConversationClosedMapping mapping, ConnectionSteps steps) {
        main.bind("requireAuditPermission", new RequireAuditPermission(mapping, steps));
        main.bind("findConversationContact", new FindConversationContact(mapping, steps));
        main.bind("findConversationUsers", new FindConversationUsers(mapping, steps));
        main.bind("loadAttachments", new LoadAttachments(mapping));
        main.bind("composeComments", new ComposeComments(mapping));
        main.bind("writeCaseWithComments", new WriteCaseWithComments(mapping, steps));
    }
}
