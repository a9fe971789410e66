package io.switchboard.events;

import java.time.Instant;
import java.time.LocalDate;

/** A referred case was acknowledged by the receiving firm; upserted as a CX Intake record. */
public record CaseAcknowledged(String source, String caseId, String referenceNumber, String status, String sendingFirm,
                               String caseType, LocalDate incidentDate, Client client, String description,
                               Instant acknowledgedAt) {

    /** The person the case is about. */
    public record Client(String firstName, String lastName, String phone, String email) {
    }
}
