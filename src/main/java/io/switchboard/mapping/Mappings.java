package io.switchboard.mapping;

import java.util.ArrayList;
import java.util.List;

/** Every mapping file under {@code config/}, loaded and valid: what the four routes write, and how. */
public record Mappings(ConversationClosedMapping conversationClosed, CallMapping call, ReferralMapping referral,
                       CaseAcknowledgedMapping caseAcknowledged) {

    /** What every mapping writes and searches, per connection, for checking against the orgs' describes. */
    public List<ObjectUse> objectUses() {
        List<ObjectUse> uses = new ArrayList<>();
        uses.addAll(conversationClosed.objectUses());
        uses.addAll(call.objectUses());
        uses.addAll(referral.objectUses());
        uses.addAll(caseAcknowledged.objectUses());
        return uses;
    }
}
