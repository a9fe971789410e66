package io.switchboard.referrals;

import io.switchboard.mapping.ObjectUse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code config/referral-send.yaml} as read: the object referrals are sent from, the fields that ask for a send and
 * count the sends, the fields written back, the statuses written, what is sent (Case Xchange name to Salesforce
 * field), and Case Xchange itself.
 *
 * @param recordUse every field of {@code object} the send reads or writes, with its line, for checking against describe
 */
public record ReferralSendConfig(Path file, String connection, String object, String sendField, String sendNumberField,
                                 String statusField, String cxIdField, String referenceNumberField, String sentStatus,
                                 String failedStatus, String rejectedStatus, Map<String, String> fields,
                                 CaseXchangeSettings caseXchange, ObjectUse recordUse) {
    public ReferralSendConfig {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
