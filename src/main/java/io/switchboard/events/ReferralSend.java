package io.switchboard.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One send of a Salesforce record to Case Xchange, queued by the referral send job: the record, which send of it this
 * is (a re-referral after a rejection, or after a refusal marked again, is a new send), and the mapped fields posted.
 */
public record ReferralSend(String salesforceRecordId, int sendNumber, JsonNode fields) {
    public static final String SOURCE = "salesforce";

    /** Stable per send: the same on every retry, so that Case Xchange takes one referral however often it is posted. */
    public String idempotencyKey() {
        return salesforceRecordId + "-" + sendNumber;
    }
}
