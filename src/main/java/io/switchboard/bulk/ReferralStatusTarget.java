package io.switchboard.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.ReferralMapping;
import io.switchboard.mapping.ReferralUpdate;
import io.switchboard.mapping.SObjectDescription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code referral-status}: each row a referral status change, mapped by {@code config/referral-status-changed.yaml}
 * exactly as the route maps a live event (status map, receiving firm, CX id and reference number when configured,
 * free text cut to its field) and written to its record by id.
 */
public final class ReferralStatusTarget implements BulkTarget {
    public static final String NAME = "referral-status";
    static final String RECORD_ID = "salesforceRecordId";
    static final String STATUS = "status";
    static final String RECEIVING_FIRM = "receivingFirm";
    static final String CX_ID = "cxId";
    static final String REFERENCE_NUMBER = "referenceNumber";
    private static final List<String> REQUIRED = List.of(RECORD_ID, STATUS, RECEIVING_FIRM);
    private static final Set<String> COLUMNS = Set.of(RECORD_ID, STATUS, RECEIVING_FIRM, CX_ID, REFERENCE_NUMBER);

    private final ReferralMapping mapping;
    private final SObjectDescription described;
    private final Consumer<String> warn;

    /**
     * @param described the describe of the mapping's object
     * @param warn receives what the mapping changed on the way (a value cut to its field)
     */
    public ReferralStatusTarget(ReferralMapping mapping, SObjectDescription described, Consumer<String> warn) {
        this.mapping = mapping;
        this.described = described;
        this.warn = warn;
    }

    @Override
    public String sobject() {
        return mapping.object();
    }

    @Override
    public Optional<String> externalIdField() {
        return Optional.empty();
    }

    @Override
    public String keyColumn() {
        return RECORD_ID;
    }

    @Override
    public void checkColumns(List<String> columns, CellProblems problems) {
        for (String column : columns) {
            if (!COLUMNS.contains(column)) {
                problems.add(column, "not a referral-status column; expected " + String.join(", ", REQUIRED)
                        + " and optionally " + CX_ID + ", " + REFERENCE_NUMBER);
            }
        }
        for (String column : REQUIRED) {
            if (!columns.contains(column)) {
                problems.add(column, "required column missing");
            }
        }
    }

    @Override
    public Optional<PreparedRow> prepare(InputRow row, CellProblems problems) {
        String id = row.value(RECORD_ID);
        String status = row.value(STATUS);
        boolean valid = true;
        if (id.isEmpty()) {
            problems.add(RECORD_ID, "missing; a referral is updated by the id of the record it was sent from");
            valid = false;
        } else if (!RecordIds.looksLikeOne(id)) {
            problems.add(RECORD_ID, "'" + id + "' is not a Salesforce record id (15 or 18 letters and digits)");
            valid = false;
        }
        if (status.isEmpty()) {
            problems.add(STATUS, "missing");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        ReferralStatusChanged change = new ReferralStatusChanged(null, orNull(row.value(CX_ID)),
                orNull(row.value(REFERENCE_NUMBER)), status, orNull(row.value(RECEIVING_FIRM)), id, null);
        ReferralUpdate update;
        try {
            update = mapping.update(change, described, message -> warn.accept("line " + row.line() + ": " + message));
        } catch (MappingException e) {
            problems.add(STATUS, e.getMessage());
            return Optional.empty();
        }
        ObjectNode record = update.fields();
        record.put("Id", update.recordId());
        record.putObject("attributes").put("type", update.object());
        return Optional.of(new PreparedRow(row.line(), update.recordId(), record));
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
