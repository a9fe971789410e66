package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Takes the next batch of members: reads pages of the members query (following {@code nextRecordsUrl}) until 200
 * members with a phone are waiting or none is left to read, then takes those 200 and the skipped members among them.
 * Reading until a batch is full makes every batch the same on every attempt, so a batch sent again after a crash has
 * the same Idempotency-Key and recipients. Finished when every member was dealt with.
 */
final class NextSmsBatch implements Processor {
    private final ConnectionSteps steps;

    NextSmsBatch(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CampaignHandover handover = CampaignHandover.of(exchange);
        while (!handover.allRead() && recipientsWaiting(handover) < CampaignHandover.BATCH_SIZE) {
            readPage(exchange, handover);
        }
        if (handover.unread.isEmpty()) {
            handover.batch = null;
            handover.progress.finished = true;
        } else {
            handover.batch = CampaignHandover.Batch.take(handover.progress.batches + 1, handover.unread);
        }
    }

    private static long recipientsWaiting(CampaignHandover handover) {
        return handover.unread.stream().filter(member -> !member.skipped()).count();
    }

    private void readPage(Exchange exchange, CampaignHandover handover) {
        SalesforceClient client = steps.client(exchange, SmsCampaignSteps.CONNECTION);
        JsonNode page = handover.queried ? client.queryMore(handover.nextPage) : client.query(soql(handover));
        handover.queried = true;
        page.path("records").forEach(record -> handover.unread.addLast(CampaignMember.of(record)));
        handover.nextPage = page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl") ? null
                : page.path("nextRecordsUrl").asText();
    }

    /** The campaign's members in Id order, after the last one an earlier attempt dealt with. */
    static String soql(CampaignHandover handover) {
        String after = handover.progress.lastMemberId == null ? ""
                : " AND Id > " + SoqlEscaping.quote(handover.progress.lastMemberId);
        return "SELECT " + CampaignMember.FIELDS + " FROM CampaignMember WHERE CampaignId = "
                + SoqlEscaping.quote(handover.campaign.campaignId()) + after + " ORDER BY Id";
    }
}
