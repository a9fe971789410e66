package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * The naive baseline's writes: camel-salesforce's {@code query}, {@code createSObject}, {@code updateSObject} and
 * {@code upsertSObject} operations, one REST call per lookup and per record: search the Contact, look up the
 * users, create the Case, then one create per comment.
 */
final class WriteOneRecordPerCall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate template;
    private final String component;

    WriteOneRecordPerCall(ProducerTemplate template, String component) {
        this.template = template;
        this.component = component;
    }

    void write(EventType type, String json) {
        JsonNode event = read(json);
        switch (type) {
            case CONVERSATION_CLOSED -> conversation(event);
            case CALL -> call(event);
            case REFERRAL_STATUS_CHANGED -> referral(event);
            case CASE_ACKNOWLEDGED -> caseAcknowledged(event);
            case CONTACT_CHANGED -> contact(event);
            case CONTACT_DELIVERY -> throw new IllegalArgumentException("contact deliveries write nothing to Salesforce");
            case REFERRAL_SEND -> throw new IllegalArgumentException("referral sends are made by the send job, not posted");
            case SMS_CAMPAIGN, SMS_DELIVERY -> throw new IllegalArgumentException("the benchmark sends no campaigns");
        }
    }

    private void conversation(JsonNode event) {
        String phone = event.path("customer").path("phone").asText();
        String contactId = firstId("SELECT Id FROM Contact WHERE Phone = '" + phone + "' OR MobilePhone = '" + phone + "'");
        if (contactId == null) {
            contactId = create("Contact", JSON.createObjectNode().put("LastName", event.path("customer").path("name").asText(phone))
                    .put("Phone", phone));
        }
        String agentId = firstId("SELECT Id FROM User WHERE Email = '" + event.path("agent").path("email").asText() + "'");
        String customerUserId = firstId("SELECT Id FROM User WHERE Username = '" + SeededOrg.CUSTOMER_COMMENT_EMAIL + "'");
        String caseId = create("Case", JSON.createObjectNode()
                .put("Subject", phone + " [" + event.path("conversationId").asText() + "]")
                .put("ContactId", contactId).put("OwnerId", agentId).put("Origin", "WhatsApp").put("Status", "New"));
        for (JsonNode message : event.path("messages")) {
            boolean inbound = message.path("direction").asText().equals("inbound");
            create("CaseComment", JSON.createObjectNode().put("ParentId", caseId)
                    .put("CommentBody", message.path("text").asText())
                    .put("CreatedDate", message.path("sentAt").asText())
                    .put("CreatedById", inbound ? customerUserId : agentId));
        }
    }

    private void call(JsonNode event) {
        boolean inbound = event.path("direction").asText().equals("inbound");
        String phone = event.path(inbound ? "callerNumber" : "destinationNumber").asText();
        String personId = firstId("SELECT Id FROM Contact WHERE Phone = '" + phone + "'");
        if (personId == null) {
            personId = firstId("SELECT Id FROM Lead WHERE Phone = '" + phone + "'");
        }
        String agentId = firstId("SELECT Id FROM User WHERE Email = '" + event.path("agent").path("email").asText() + "'");
        ObjectNode task = JSON.createObjectNode()
                .put("Subject", "[xCALLY Ticket] " + (inbound ? event.path("queue").asText() : "Outbound Call") + " " + phone)
                .put("Status", "Completed").put("TaskSubtype", "Call").put("CallType", inbound ? "Inbound" : "Outbound")
                .put("CallObject", event.path("callId").asText())
                .put("CallDurationInSeconds", event.path("durationSeconds").asInt())
                .put("ActivityDate", event.path("startedAt").asText().substring(0, 10))
                .put("OwnerId", agentId);
        if (personId != null) {
            task.put("WhoId", personId);
        }
        create("Task", task);
    }

    private void referral(JsonNode event) {
        template.requestBodyAndHeaders(component + ":updateSObject", JSON.createObjectNode()
                        .put("Status__c", event.path("status").asText())
                        .put("Receiving_Firm__c", event.path("receivingFirm").asText()).toString(),
                Map.of(SalesforceEndpointConfig.SOBJECT_NAME, "Referral__c",
                        SalesforceEndpointConfig.SOBJECT_ID, event.path("salesforceRecordId").asText()), String.class);
    }

    private void caseAcknowledged(JsonNode event) {
        JsonNode client = event.path("client");
        ObjectNode intake = JSON.createObjectNode()
                .put("casexchange__Reference_Number__c", event.path("referenceNumber").asText())
                .put("casexchange__Status__c", event.path("status").asText())
                .put("casexchange__Sending_Firm__c", event.path("sendingFirm").asText())
                .put("casexchange__Case_Type__c", event.path("caseType").asText())
                .put("casexchange__Incident_Date__c", event.path("incidentDate").asText())
                .put("casexchange__Client_First_Name__c", client.path("firstName").asText())
                .put("casexchange__Client_Last_Name__c", client.path("lastName").asText())
                .put("casexchange__Client_Phone__c", client.path("phone").asText())
                .put("casexchange__Client_Email__c", client.path("email").asText())
                .put("casexchange__Description__c", event.path("description").asText())
                .put("casexchange__Acknowledged_At__c", event.path("acknowledgedAt").asText());
        template.requestBodyAndHeaders(component + ":upsertSObject", intake.toString(),
                Map.of(SalesforceEndpointConfig.SOBJECT_NAME, "casexchange__CX_Intake__c",
                        SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME, "casexchange__CX_Case_Id__c",
                        SalesforceEndpointConfig.SOBJECT_EXT_ID_VALUE, event.path("caseId").asText()), String.class);
    }

    /** Looks the first phone up and creates the Contact when nobody has it; no link is kept. */
    private void contact(JsonNode event) {
        String phone = event.path("contact").path("phones").path(0).asText();
        if (firstId("SELECT Id FROM Contact WHERE Phone = '" + phone + "' OR MobilePhone = '" + phone + "'") == null) {
            create("Contact", JSON.createObjectNode().put("FirstName", event.path("contact").path("firstName").asText())
                    .put("LastName", event.path("contact").path("lastName").asText()).put("Phone", phone));
        }
    }

    private String firstId(String soql) {
        String answer = template.requestBodyAndHeader(component + ":query", null, SalesforceEndpointConfig.SOBJECT_QUERY,
                soql, String.class);
        JsonNode records = read(answer).path("records");
        return records.isEmpty() ? null : records.get(0).path("Id").asText();
    }

    private String create(String sobject, ObjectNode fields) {
        String answer = template.requestBodyAndHeader(component + ":createSObject", fields.toString(),
                SalesforceEndpointConfig.SOBJECT_NAME, sobject, String.class);
        return read(answer).path("id").asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON: " + e.getMessage(), e);
        }
    }
}
