package io.switchboard.behaviours.conversation;

import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.List;

/**
 * The org does not let the connection's user set CreatedDate and CreatedById, which comments need to keep their
 * original author and time. Not transient: the event fails, naming the permission an admin must grant.
 */
final class AuditFieldsNotPermitted extends SalesforceApiException {
    static final String ERROR_CODE = "AUDIT_FIELDS_NOT_PERMITTED";

    AuditFieldsNotPermitted(ConnectionSettings connection, Throwable cause) {
        super(403, ERROR_CODE, message(connection), List.of("CreatedDate", "CreatedById"), cause);
    }

    private static String message(ConnectionSettings connection) {
        String user = connection.username() == null ? "the connection's user" : "user " + connection.username();
        return "Salesforce does not let " + user + " (connection '" + connection.name() + "') set CaseComment"
                + " CreatedDate and CreatedById, which keep each message's time and author; nothing was written."
                + " Enable \"Set Audit Fields upon Record Creation\" for that user (Setup > User Interface, then a"
                + " permission set) and replay the event, or set comments.auditFields: off in"
                + " config/conversation-closed.yaml";
    }
}
