package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.FieldDescription;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * With audit fields on, fails the event before anything is written unless CaseComment's CreatedDate and
 * CreatedById are createable for the connection's user: Salesforce's describe shows them so only to users who
 * hold "Set Audit Fields upon Record Creation".
 */
public final class RequireAuditPermission implements Processor {
    static final List<String> AUDIT_FIELDS = List.of("CreatedDate", "CreatedById");

    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;

    public RequireAuditPermission(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        if (!mapping.get().auditFields()) {
            return;
        }
        SalesforceClient client = steps.forConnection(exchange, ConversationExchange.CONNECTION).client();
        Describes describes = steps.describes();
        SObjectDescription comment = describes.describe(client, "CaseComment")
                .orElseThrow(() -> new MappingException("the org has no CaseComment object to write comments to"));
        boolean permitted = AUDIT_FIELDS.stream()
                .allMatch(field -> comment.field(field).map(FieldDescription::createable).orElse(false));
        if (!permitted) {
            // described afresh next time, so a replay after the admin grants the permission succeeds
            describes.forget(client, "CaseComment");
            throw new AuditFieldsNotPermitted(client.connection(), null);
        }
    }
}
