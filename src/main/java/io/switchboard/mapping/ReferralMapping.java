package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ReferralStatusChanged;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code config/referral-status-changed.yaml}: which record fields a Case Xchange status change writes back, the
 * statuses Case Xchange sends and their Salesforce values. {@code cxIdField} and {@code referenceNumberField} are
 * null when not configured.
 */
public record ReferralMapping(Path file, String object, String statusField, String receivingFirmField,
                              String cxIdField, String referenceNumberField, List<String> statuses,
                              MapValue statusMap, PollSettings poll, List<ObjectUse> objectUses) {
    private static final FitToFieldLengths FIT_TO_FIELD_LENGTHS = new FitToFieldLengths();

    public ReferralMapping {
        statuses = List.copyOf(statuses);
        objectUses = List.copyOf(objectUses);
    }

    /**
     * The update of the referral's record, free text cut to its field with a warning: the one mapping that both
     * the route and {@code bulk-update referral-status} write with.
     *
     * @param described the describe of {@link #object()}
     * @throws MappingException when the status is not one of the listed Case Xchange statuses
     */
    public ReferralUpdate update(ReferralStatusChanged change, SObjectDescription described, Consumer<String> warn) {
        ObjectNode fitted = FIT_TO_FIELD_LENGTHS.fit(described, fields(change), warn);
        return new ReferralUpdate(object, change.salesforceRecordId().strip(), fitted);
    }

    /**
     * The fields to update on the referral's record.
     *
     * @throws MappingException when the status is not one of the listed Case Xchange statuses
     */
    public ObjectNode fields(ReferralStatusChanged change) {
        if (!statuses.contains(change.status())) {
            throw new MappingException("status '" + change.status() + "' is not a Case Xchange status listed in "
                    + file + "; expected one of " + String.join(", ", statuses));
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put(statusField, statusMap.apply(change.status()));
        putIfConfigured(fields, receivingFirmField, change.receivingFirm());
        putIfConfigured(fields, cxIdField, change.referralId());
        putIfConfigured(fields, referenceNumberField, change.referenceNumber());
        return fields;
    }

    private static void putIfConfigured(ObjectNode fields, String field, String value) {
        if (field != null && value != null) {
            fields.put(field, value);
        }
    }
}
