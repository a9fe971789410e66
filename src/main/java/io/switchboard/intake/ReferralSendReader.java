package io.switchboard.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.ReferralSend;
import java.io.IOException;
import java.util.List;

/** Reads a queued referral send; its key is the record and its send number, so one send is queued once. */
final class ReferralSendReader implements EventReader<ReferralSend> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ReferralSend read(FieldReader root) {
        Integer sendNumber = root.count("sendNumber");
        try {
            return new ReferralSend(root.id("salesforceRecordId"), sendNumber == null ? 0 : sendNumber,
                    JSON.readTree(root.json()).path("fields"));
        } catch (IOException e) {
            throw new IllegalStateException("an event already parsed is JSON", e);
        }
    }

    @Override
    public String source(ReferralSend event) {
        return ReferralSend.SOURCE;
    }

    @Override
    public List<String> keyParts(ReferralSend event) {
        return List.of(ReferralSend.SOURCE, event.salesforceRecordId(), String.valueOf(event.sendNumber()));
    }
}
