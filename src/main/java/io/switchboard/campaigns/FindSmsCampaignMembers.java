package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.processing.EventBatch;
import io.switchboard.salesforce.SalesforceClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the CampaignMember of each result, one query per campaign in the batch (Contacts and Leads by their id
 * prefix), with its Status now. A result whose person is not a member of the campaign fails on its own, naming both.
 */
final class FindSmsCampaignMembers implements Processor {
    private static final String LEAD_PREFIX = "00Q";

    private final ConnectionSteps steps;

    FindSmsCampaignMembers(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        DeliveryBatch batch = new DeliveryBatch(EventBatch.of(exchange));
        exchange.setProperty(DeliveryBatch.PROPERTY, batch);
        SalesforceClient client = steps.client(exchange, SmsCampaignSteps.CONNECTION);
        Map<String, List<DeliveryBatch.Result>> byCampaign = batch.results.stream().collect(Collectors.groupingBy(
                result -> result.delivery.campaignId(), LinkedHashMap::new, Collectors.toList()));
        byCampaign.forEach((campaignId, results) -> find(client, campaignId, results));
    }

    private static void find(SalesforceClient client, String campaignId, List<DeliveryBatch.Result> results) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (JsonNode member : client.queryRecords(soql(campaignId, results))) {
            String person = member.path("ContactId").isTextual() ? member.path("ContactId").asText()
                    : member.path("LeadId").asText();
            members.put(person, member);
            members.put(person.substring(0, Math.min(15, person.length())), member);
        }
        for (DeliveryBatch.Result result : results) {
            JsonNode member = members.get(result.delivery.salesforceId());
            if (member == null) {
                result.member.fail(new IllegalArgumentException("salesforceId: " + result.delivery.salesforceId()
                        + " is not a member of Campaign " + campaignId));
            } else {
                result.memberId = member.path("Id").asText();
                result.memberStatus = member.path("Status").asText(null);
            }
        }
    }

    /** The members of the campaign that are one of the results' people. */
    private static String soql(String campaignId, List<DeliveryBatch.Result> results) {
        List<String> leads = results.stream().map(result -> result.delivery.salesforceId())
                .filter(id -> id.startsWith(LEAD_PREFIX)).distinct().toList();
        List<String> contacts = results.stream().map(result -> result.delivery.salesforceId())
                .filter(id -> !id.startsWith(LEAD_PREFIX)).distinct().toList();
        StringBuilder people = new StringBuilder();
        if (!contacts.isEmpty()) {
            people.append("ContactId IN (").append(quoted(contacts)).append(")");
        }
        if (!leads.isEmpty()) {
            people.append(people.length() == 0 ? "" : " OR ").append("LeadId IN (").append(quoted(leads)).append(")");
        }
        return "SELECT Id, ContactId, LeadId, Status FROM CampaignMember WHERE CampaignId = "
                + SoqlEscaping.quote(campaignId) + " AND ("
                + people + ")";
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(SoqlEscaping::quote).collect(Collectors.joining(", "));
    }
}
