package io.switchboard.intake;

import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.CaseAcknowledged.Client;
import java.util.List;

/** Reads a case acknowledgement from the referral platform, client details optional. */
final class CaseAcknowledgedReader implements EventReader<CaseAcknowledged> {

    @Override
    public CaseAcknowledged read(FieldReader root) {
        FieldReader client = root.object("client");
        Client theClient = new Client(client.text("firstName"), client.text("lastName"), client.text("phone"),
                client.text("email"));
        return new CaseAcknowledged(root.id("source"), root.id("caseId"), root.text("referenceNumber"),
                root.text("status"), root.text("sendingFirm"), root.text("caseType"), root.date("incidentDate"),
                theClient, root.text("description"), root.timestamp("acknowledgedAt"));
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
