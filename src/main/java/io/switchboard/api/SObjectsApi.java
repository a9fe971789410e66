package io.switchboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The generic operations API: describe, create, get by any unique field and update for any sObject, on the
 * connection named by {@code ?connection=} (default {@code default}). Its own refusals take Salesforce's shape
 * ({@code errorCode}, {@code message}); Salesforce's refusals reach the caller through {@link AnswerFailure} with
 * Salesforce's own status, errorCode and message.
 */
public final class SObjectsApi {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** A field or a relationship path to one, such as {@code Owner.Name}: nothing else reaches the SOQL. */
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*){0,4}");
    private final SalesforceClients clients;

    public SObjectsApi(SalesforceClients clients) {
        this.clients = clients;
    }

    public void describeGlobal(Exchange exchange) {
        ArrayNode objects = JsonAnswers.JSON.createArrayNode();
        for (JsonNode sobject : client(exchange).describeGlobal().path("sobjects")) {
            objects.addObject().put("name", sobject.path("name").asText())
                    .put("label", sobject.path("label").asText()).put("custom", sobject.path("custom").asBoolean());
        }
        JsonAnswers.write(exchange, 200, objects);
    }

    public void describe(Exchange exchange) {
        String sobject = name(exchange, "sobject");
        ArrayNode fields = JsonAnswers.JSON.createArrayNode();
        for (JsonNode field : client(exchange).describe(sobject).path("fields")) {
            ObjectNode out = fields.addObject().put("name", field.path("name").asText())
                    .put("label", field.path("label").asText()).put("type", field.path("type").asText())
                    .put("createable", field.path("createable").asBoolean())
                    .put("updateable", field.path("updateable").asBoolean())
                    .put("externalId", field.path("externalId").asBoolean());
            ArrayNode values = out.putArray("picklistValues");
            for (JsonNode value : field.path("picklistValues")) {
                if (value.path("active").asBoolean(true)) {
                    values.add(value.path("value").asText());
                }
            }
        }
        ObjectNode body = JsonAnswers.JSON.createObjectNode().put("name", sobject);
        body.set("fields", fields);
        JsonAnswers.write(exchange, 200, body);
    }

    public void create(Exchange exchange) {
        String sobject = name(exchange, "sobject");
        JsonNode created = client(exchange).create(sobject, jsonObjectBody(exchange));
        JsonAnswers.write(exchange, 201, JsonAnswers.object("id", created.path("id").asText()));
    }

    public void update(Exchange exchange) {
        String sobject = name(exchange, "sobject");
        client(exchange).update(sobject, HttpRequestParts.path(exchange, "id"), jsonObjectBody(exchange));
        JsonAnswers.write(exchange, 204, null);
    }

    /**
     * Finds one record by a field whose values are unique. Salesforce's own lookup takes only external ids, so
     * this checks uniqueness in describe and then queries, which also serves fields like Case.CaseNumber.
     */
    public void getByField(Exchange exchange) {
        String sobject = name(exchange, "sobject");
        String field = name(exchange, "field");
        String value = HttpRequestParts.path(exchange, "value");
        List<String> fields = requestedFields(exchange);
        SalesforceClient client = client(exchange);
        JsonNode describedField = findField(client.describe(sobject), field);
        if (describedField == null) {
            throw refusal(400, "INVALID_FIELD", "No such field '" + field + "' on " + sobject);
        }
        if (!uniquelyIdentifies(describedField)) {
            throw refusal(400, "INVALID_FIELD", "Field '" + field + "' on " + sobject
                    + " is not unique; use Id, an external id or another unique field");
        }
        String soql = "SELECT " + String.join(", ", fields) + " FROM " + sobject + " WHERE "
                + describedField.path("name").asText() + " = " + SoqlEscaping.quote(value) + " LIMIT 2";
        JsonNode records = client.query(soql).path("records");
        if (records.isEmpty()) {
            throw refusal(404, "NOT_FOUND", "No " + sobject + " with " + field + " = " + value);
        }
        if (records.size() > 1) {
            throw refusal(409, "MULTIPLE_RECORDS", "More than one " + sobject + " with " + field + " = " + value);
        }
        JsonAnswers.write(exchange, 200, records.get(0));
    }

    private static boolean uniquelyIdentifies(JsonNode field) {
        return "id".equals(field.path("type").asText()) || field.path("externalId").asBoolean()
                || field.path("unique").asBoolean() || field.path("idLookup").asBoolean()
                && field.path("autoNumber").asBoolean();
    }

    private static JsonNode findField(JsonNode describe, String name) {
        for (JsonNode field : describe.path("fields")) {
            if (field.path("name").asText().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    private static List<String> requestedFields(Exchange exchange) {
        String fields = HttpRequestParts.query(exchange, "fields").orElse(null);
        List<String> names = new ArrayList<>(List.of("Id"));
        if (fields != null && !fields.isBlank()) {
            for (String field : Arrays.stream(fields.split(",")).map(String::strip).toList()) {
                if (!FIELD_PATH.matcher(field).matches()) {
                    throw badRequest("fields: '" + field + "' is not a field name or a relationship path "
                            + "such as Owner.Name");
                }
                if (!names.stream().anyMatch(existing -> existing.equalsIgnoreCase(field))) {
                    names.add(field);
                }
            }
        }
        return names;
    }

    private SalesforceClient client(Exchange exchange) {
        String connection = HttpRequestParts.query(exchange, "connection").orElse(ConnectionOptions.DEFAULT);
        try {
            return clients.forConnection(exchange.getContext(), connection.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("connection: " + e.getMessage());
        }
    }

    private static String name(Exchange exchange, String parameter) {
        String value = HttpRequestParts.path(exchange, parameter);
        if (value == null || !NAME.matcher(value).matches()) {
            throw badRequest(parameter + ": expected an API name such as Case or Referral__c, got '" + value + "'");
        }
        return value;
    }

    private static JsonNode jsonObjectBody(Exchange exchange) {
        try {
            JsonNode body = JsonAnswers.JSON.readTree(exchange.getMessage().getBody(String.class));
            if (body == null || !body.isObject()) {
                throw badRequest("body: expected a JSON object of Salesforce fields");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw badRequest("body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A refusal in Salesforce's own shape, as every {@code /api} answer that is not a success is. */
    private static ApiRefusal refusal(int status, String code, String message) {
        return ApiRefusal.withBody(status, JsonAnswers.JSON.createObjectNode().put("errorCode", code).put("message", message));
    }

    /** The request itself is wrong; answered 400 naming the parameter. */
    private static ApiRefusal badRequest(String message) {
        return refusal(400, "INVALID_REQUEST", message);
    }
}
