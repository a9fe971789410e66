package io.switchboard.events;

import java.time.Instant;

/** A referral's status changed in the referral platform; written back to the Salesforce record it came from. */
public record ReferralStatusChanged(String source, String referralId, String referenceNumber, String status,
                                    String receivingFirm, String salesforceRecordId, Instant changedAt) {
}
