package io.switchboard.mapping;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code config/case-acknowledged.yaml}: the object upserted by {@code externalIdField} = the event's
 * {@code caseId}, and the field map of the event's other fields.
 */
public record CaseAcknowledgedMapping(Path file, String object, String externalIdField, List<FieldMapping> fields,
                                      List<ObjectUse> objectUses) {
    public CaseAcknowledgedMapping {
        fields = List.copyOf(fields);
        objectUses = List.copyOf(objectUses);
    }
}
