package io.switchboard.campaigns;

import io.switchboard.events.SmsDelivery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Each member's new Status: the furthest its results reached (Sent, then Delivered or Failed, then Responded; of
 * two as far, the later), written only when it moves the member on. A result that would move a member back (a late
 * "sent" after "delivered") ends done with a warning saying so, the Status left as it is.
 */
final class PlanSmsStatusUpdates implements Processor {
    private static final Comparator<DeliveryBatch.Result> FURTHEST = Comparator
            .comparingInt((DeliveryBatch.Result result) -> result.delivery.status().rank())
            .thenComparing(result -> result.delivery.at());

    @Override
    public void process(Exchange exchange) {
        DeliveryBatch batch = DeliveryBatch.of(exchange);
        Map<String, List<DeliveryBatch.Result>> byMember = batch.open().stream().collect(Collectors.groupingBy(
                result -> result.memberId, LinkedHashMap::new, Collectors.toList()));
        byMember.forEach((memberId, results) -> {
            DeliveryBatch.Result furthest = results.stream().max(FURTHEST).orElseThrow();
            String current = furthest.memberStatus;
            SmsDelivery.Status wanted = furthest.delivery.status();
            int currentRank = SmsDelivery.Status.rankOfMemberStatus(current);
            boolean movesOn = wanted.rank() > currentRank
                    || (wanted.rank() == currentRank && !wanted.memberStatus().equals(current));
            if (movesOn) {
                batch.updates.put(memberId, new DeliveryBatch.StatusUpdate(memberId, wanted.memberStatus(), results));
            }
            for (DeliveryBatch.Result result : results) {
                String now = movesOn ? wanted.memberStatus() : current;
                if (!result.delivery.status().memberStatus().equals(now)) {
                    result.member.outcome().warn("CampaignMember " + memberId + " is " + now + ", further than "
                            + result.delivery.status().wireName() + "; its Status is left as it is");
                }
                if (!movesOn) {
                    result.member.outcome().produced("CampaignMember", memberId, "unchanged");
                }
            }
        });
    }
}
