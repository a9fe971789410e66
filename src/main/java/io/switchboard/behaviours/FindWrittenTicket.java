package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.SalesforceValues;
import io.switchboard.mapping.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * On a retry, finds the Task or Case an earlier attempt at the same call created, made by the connection's user
 * with the same Subject. A ticket that carries the call id in {@code CallObject} is recognised by it alone; any
 * other is recognised by its Subject, owner and linked person, created no earlier than the call was accepted.
 */
final class FindWrittenTicket {
    /** Salesforce's own field for the telephony system's call id on activities. */
    static final String CALL_ID_FIELD = "CallObject";
    private static final List<String> LINK_FIELDS = List.of("OwnerId", "WhoId", "WhatId", "ContactId", "AccountId");

    Optional<String> find(SalesforceClient client, String sobject, ObjectNode fields, EventAttempt attempt) {
        List<String> conditions = new ArrayList<>();
        conditions.add("Subject = " + quoted(fields.path("Subject")));
        if (fields.path(CALL_ID_FIELD).isTextual()) {
            conditions.add(CALL_ID_FIELD + " = " + quoted(fields.path(CALL_ID_FIELD)));
        } else {
            LINK_FIELDS.stream().filter(fields::hasNonNull)
                    .forEach(field -> conditions.add(field + " = " + quoted(fields.path(field))));
            conditions.add("CreatedDate >= " + SalesforceValues.datetime(attempt.earliestWrite()));
        }
        conditions.add("CreatedById = " + SoqlEscaping.quote(client.runningUserId()));
        String soql = "SELECT Id FROM " + sobject + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY CreatedDate LIMIT 1";
        return client.queryRecords(soql).stream().findFirst().map(ticket -> ticket.path("Id").asText());
    }

    private static String quoted(JsonNode value) {
        return value.isValueNode() && !value.asText().isEmpty() ? SoqlEscaping.quote(value.asText()) : "null";
    }
}
