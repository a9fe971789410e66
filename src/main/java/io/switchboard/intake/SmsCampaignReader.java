package io.switchboard.intake;

import io.switchboard.events.SmsCampaign;
import java.util.List;

/**
 * Reads an ask to send a campaign. Its key is the campaign, the sender and the message, so that an ask posted twice
 * (a button pressed twice) sends the campaign once; sending the same message again takes an Idempotency-Key.
 */
final class SmsCampaignReader implements EventReader<SmsCampaign> {
    @Override
    public SmsCampaign read(FieldReader root) {
        return new SmsCampaign(root.id("campaignId"), root.text("message"), root.id("senderId"));
    }

    @Override
    public String source(SmsCampaign event) {
        return SmsCampaign.SOURCE;
    }

    @Override
    public List<String> keyParts(SmsCampaign event) {
        return List.of(SmsCampaign.SOURCE, event.campaignId(), event.senderId(), CanonicalJson.sha256(event.message()));
    }
}
