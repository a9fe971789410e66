package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One member of a campaign as the members query reads it: the Contact or Lead it is, and the number a message goes
 * to ({@code Phone}, else {@code MobilePhone}), or why it gets none.
 */
record CampaignMember(String memberId, String personId, String phone, String name, String skipReason) {
    static final String FIELDS = "Id, ContactId, LeadId, Contact.Name, Contact.Phone, Contact.MobilePhone, Lead.Name, "
            + "Lead.Phone, Lead.MobilePhone";

    /** A member record from the query; the Contact wins when Salesforce gives both, as it shows the member so. */
    static CampaignMember of(JsonNode record) {
        String memberId = record.path("Id").asText();
        String kind = !text(record, "ContactId").isEmpty() ? "Contact" : !text(record, "LeadId").isEmpty() ? "Lead" : null;
        if (kind == null) {
            return new CampaignMember(memberId, memberId, null, null, "is neither a Contact nor a Lead");
        }
        JsonNode person = record.path(kind);
        String personId = text(record, kind + "Id");
        String phone = text(person, "Phone");
        if (phone.isBlank()) {
            phone = text(person, "MobilePhone");
        }
        String name = text(person, "Name");
        if (phone.isBlank()) {
            return new CampaignMember(memberId, personId, null, name, kind + " has no Phone or MobilePhone");
        }
        return new CampaignMember(memberId, personId, phone.strip(), name, null);
    }

    boolean skipped() {
        return skipReason != null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
