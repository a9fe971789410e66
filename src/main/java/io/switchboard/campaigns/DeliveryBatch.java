package io.switchboard.campaigns;

import io.switchboard.processing.EventBatch;
import io.switchboard.events.SmsDelivery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What the sms-delivery route writes for its batch of results, carried as an exchange property: each result's
 * CampaignMember, the members' new statuses (one update per member, whatever number of its results came) and the
 * reply Tasks. The route writes the statuses while {@link #hasStatusUpdates()} and the Tasks while
 * {@link #hasReplyTasks()}; each write is one sObject collection call, as a batch has at most 200 results.
 */
public final class DeliveryBatch {
    static final String PROPERTY = "switchboardSmsDeliveries";

    /** One result of the batch and what the route found and wrote for it. */
    static final class Result {
        final EventBatch.Member member;
        final SmsDelivery delivery;
        String memberId;
        String memberStatus;
        String taskId;

        Result(EventBatch.Member member) {
            this.member = member;
            this.delivery = member.event(SmsDelivery.class);
        }

        boolean open() {
            return !member.failed();
        }

        /** The Subject of its reply Task: a reply's own, so that a retry finds the Task an earlier attempt wrote. */
        String replySubject() {
            return "SMS reply " + delivery.at();
        }
    }

    /** A member's new Status and the results that set it. */
    record StatusUpdate(String memberId, String status, List<Result> from) {
    }

    final List<Result> results = new ArrayList<>();
    final Map<String, StatusUpdate> updates = new LinkedHashMap<>();

    DeliveryBatch(EventBatch batch) {
        batch.members().forEach(member -> results.add(new Result(member)));
    }

    static DeliveryBatch of(Exchange exchange) {
        DeliveryBatch batch = exchange.getProperty(PROPERTY, DeliveryBatch.class);
        if (batch == null) {
            throw new IllegalStateException("findSmsCampaignMembers must run first in the sms-delivery route");
        }
        return batch;
    }

    public boolean hasStatusUpdates() {
        return !updates.isEmpty();
    }

    public boolean hasReplyTasks() {
        return !repliesToWrite().isEmpty();
    }

    List<Result> open() {
        return results.stream().filter(Result::open).toList();
    }

    List<Result> repliesToWrite() {
        return results.stream().filter(result -> result.open() && result.delivery.status() == SmsDelivery.Status.REPLIED
                && result.taskId == null).toList();
    }
}
