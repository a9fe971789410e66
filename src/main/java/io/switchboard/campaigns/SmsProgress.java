package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a campaign's handover has got, saved after each batch: the last member dealt with (members are read in Id
 * order, so a new attempt reads on after it), the batches sent, the members handed over and those skipped, each
 * skipped one named with why. {@code recipients} counts the members with a phone read so far, all of them once the
 * last page is read.
 */
final class SmsProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    String lastMemberId;
    int batches;
    int handedOver;
    int recipients;
    boolean finished;
    final List<CampaignMember> skipped = new ArrayList<>();

    static SmsProgress fromJson(String json) {
        SmsProgress progress = new SmsProgress();
        JsonNode saved;
        try {
            saved = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the saved progress is JSON this class wrote", e);
        }
        progress.lastMemberId = saved.path("lastMemberId").isTextual() ? saved.path("lastMemberId").asText() : null;
        progress.batches = saved.path("batches").asInt();
        progress.handedOver = saved.path("handedOver").asInt();
        progress.recipients = saved.path("recipients").asInt();
        progress.finished = saved.path("finished").asBoolean();
        for (JsonNode member : saved.path("skippedMembers")) {
            progress.skipped.add(new CampaignMember(member.path("memberId").asText(), member.path("salesforceId").asText(),
                    null, null, member.path("reason").asText()));
        }
        return progress;
    }

    String toJson() {
        ObjectNode json = JSON.createObjectNode()
                .put("recipients", recipients)
                .put("handedOver", handedOver)
                .put("skipped", skipped.size())
                .put("batches", batches)
                .put("finished", finished)
                .put("lastMemberId", lastMemberId);
        ArrayNode members = json.putArray("skippedMembers");
        skipped.forEach(member -> members.addObject().put("salesforceId", member.personId())
                .put("memberId", member.memberId()).put("reason", member.skipReason()));
        return json.toString();
    }
}
