package io.switchboard.intake;

import io.switchboard.events.Call;
import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventType;
import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.events.SmsCampaign;
import io.switchboard.events.SmsDelivery;
import io.switchboard.store.IdempotencyKey;
import io.switchboard.store.NewEvent;
import java.util.List;

/**
 * A valid event: its record from {@code io.switchboard.events}, its source, the idempotency key derived from it,
 * its JSON re-serialised as UTF-8 for the store (unknown fields kept), the digest of its canonical body, and the
 * warnings reading it gave.
 */
public record ParsedEvent(EventType type, Record event, String source, String derivedKey, String json,
                          String bodyDigest, List<String> warnings) {
    public ParsedEvent {
        warnings = List.copyOf(warnings);
    }

    /** The event to store, under the client's key when one was given, else the derived one. */
    public NewEvent toStore(String clientKey) {
        IdempotencyKey key = clientKey != null ? IdempotencyKey.client(clientKey) : IdempotencyKey.derived(derivedKey);
        return new NewEvent(type, source, key, json, bodyDigest, warnings, subjectId(event));
    }

    /** The id the platform gave the event, which an operator has at hand when asking after it. */
    static String subjectId(Record event) {
        if (event instanceof ConversationClosed conversation) {
            return conversation.conversationId();
        }
        if (event instanceof Call call) {
            return call.callId();
        }
        if (event instanceof ReferralStatusChanged referral) {
            return referral.referralId();
        }
        if (event instanceof CaseAcknowledged acknowledged) {
            return acknowledged.caseId();
        }
        if (event instanceof SmsCampaign campaign) {
            return campaign.campaignId();
        }
        if (event instanceof SmsDelivery delivery) {
            return delivery.salesforceId();
        }
        return null;
    }
}
