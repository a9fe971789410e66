package io.switchboard.intake;

import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.CaseAcknowledged.Client;
import java.util.List;

/** Reads a case acknowledgement from the referral platform, client details optional. */
final class CaseAcknowledgedReader implements EventReader<CaseAcknowledged> {

    @Override
    public CaseAcknowledged read(FieldReader root) {
        String source = root.requiredId("source");
        String caseId = root.requiredId("caseId");
        FieldReader client = root.optionalObject("client");
        Client theClient = new Client(client.optionalText("firstName"), client.optionalText("lastName"),
                client.optionalPhone("phone"), client.optionalEmail("email"));
        return new CaseAcknowledged(source, caseId, root.optionalText("referenceNumber"), root.optionalText("status"),
                root.optionalText("sendingFirm"), root.optionalText("caseType"), root.optionalDate("incidentDate"),
                theClient, root.optionalText("description"), root.requiredTimestamp("acknowledgedAt"));
    }

    @Override
    public String source(CaseAcknowledged event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(CaseAcknowledged event) {
        return List.of(event.source(), event.caseId());
    }
}
