package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.mapping.SalesforceValues;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * On a retry, finds the Task or Case an earlier attempt at the same call created: made by the connection's user,
 * with the same Subject. A ticket whose configuration maps the call id into a field (a Task's {@code CallObject}
 * by default) is recognised by that field. Any other is recognised by its owner, linked person and Description,
 * created no earlier than the call was accepted; two calls alike in all of these would be one ticket.
 */
final class FindWrittenTicket {
    private static final List<String> LINK_FIELDS = List.of("OwnerId", "WhoId", "WhatId", "ContactId", "AccountId");
    private static final String DESCRIPTION = "Description";

    /** @param callIdField the field the configuration fills with the call id, if any */
    Optional<String> find(SalesforceClient client, String sobject, ObjectNode fields, Optional<String> callIdField,
                          EventAttempt attempt) {
        List<String> conditions = new ArrayList<>();
        conditions.add("Subject = " + quoted(fields.path("Subject")));
        conditions.add("CreatedById = " + SoqlEscaping.quote(client.runningUserId()));
        if (callIdField.isPresent()) {
            conditions.add(callIdField.get() + " = " + quoted(fields.path(callIdField.get())));
            return first(client, "SELECT Id FROM " + sobject + where(conditions));
        }
        LINK_FIELDS.stream().filter(fields::hasNonNull)
                .forEach(field -> conditions.add(field + " = " + quoted(fields.path(field))));
        conditions.add("CreatedDate >= " + SalesforceValues.datetime(attempt.earliestWrite()));
        // Description is a long text area, which SOQL cannot filter on: it is compared here instead
        String description = fields.path(DESCRIPTION).asText("");
        return client.queryRecords("SELECT Id, " + DESCRIPTION + " FROM " + sobject + where(conditions)).stream()
                .filter(ticket -> description.equals(ticket.path(DESCRIPTION).asText("")))
                .findFirst().map(ticket -> ticket.path("Id").asText());
    }

    private static String where(List<String> conditions) {
        return " WHERE " + String.join(" AND ", conditions) + " ORDER BY CreatedDate";
    }

    private static Optional<String> first(SalesforceClient client, String soql) {
        return client.queryRecords(soql + " LIMIT 1").stream().findFirst().map(ticket -> ticket.path("Id").asText());
    }

    private static String quoted(JsonNode value) {
        return value.isValueNode() && !value.asText().isEmpty() ? SoqlEscaping.quote(value.asText()) : "null";
    }
}
