package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The ticket a call becomes, as the route composed it: its object (Task or Case), its fields, and the field its
 * configuration fills with the call id, which tells this call's ticket from any other on a retry. Carried as the
 * exchange property {@link #PROPERTY}; {@link #WRITTEN} holds the id of one an earlier attempt already wrote.
 */
public record CallTicket(String sobject, ObjectNode fields, Optional<String> callIdField) {
    public static final String PROPERTY = "switchboardCallTicket";
    public static final String WRITTEN = "switchboardWrittenTicket";
}
