package io.switchboard.intake;

import io.switchboard.events.ReferralStatusChanged;
import java.util.List;

/** Reads a referral status change; its schema checks that the Salesforce record id, when given, looks like one. */
final class ReferralStatusChangedReader implements EventReader<ReferralStatusChanged> {
    @Override
    public ReferralStatusChanged read(FieldReader root) {
        return new ReferralStatusChanged(root.id("source"), root.id("referralId"), root.text("referenceNumber"),
                root.id("status"), root.text("receivingFirm"), root.text("salesforceRecordId"),
                root.timestamp("changedAt"));
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
