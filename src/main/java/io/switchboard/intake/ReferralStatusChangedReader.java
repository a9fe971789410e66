package io.switchboard.intake;

import io.switchboard.events.ReferralStatusChanged;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a referral status change; the Salesforce record id, when given, must look like one. */
final class ReferralStatusChangedReader implements EventReader<ReferralStatusChanged> {
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    @Override
    public ReferralStatusChanged read(FieldReader root) {
        return new ReferralStatusChanged(root.requiredId("source"), root.requiredId("referralId"),
                root.optionalText("referenceNumber"), root.requiredId("status"), root.optionalText("receivingFirm"),
                root.optionalMatching("salesforceRecordId", SALESFORCE_ID, "must be a Salesforce record id: 15 or 18 letters and digits"),
                root.requiredTimestamp("changedAt"));
    }

    @Override
    public String source(ReferralStatusChanged event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(ReferralStatusChanged event) {
        return List.of(event.source(), event.referralId(), event.status(), String.valueOf(event.changedAt()));
    }
}
