package io.switchboard.emulator.bulk;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header row of a job's data with the field each column names. Names are matched in any letter case, as
 * Salesforce resolves field names; relationship columns ({@code Account.AccountNumber}) are not supported and are
 * refused as unknown fields.
 */
record JobColumns(List<String> names, List<FieldSchema> fields) {
    JobColumns {
        names = List.copyOf(names);
        fields = List.copyOf(fields);
    }

    static JobColumns resolve(SObjectSchema object, List<String> header) {
        List<FieldSchema> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            FieldSchema field = object.field(name).orElseThrow(() -> JobFailure.fieldNotFound(name));
            if (!seen.add(field.name())) {
                throw JobFailure.duplicateColumn(name);
            }
            fields.add(field);
        }
        return new JobColumns(header, fields);
    }

    /** The position of the column naming that field, or -1. */
    int indexOf(FieldSchema field) {
        return fields.indexOf(field);
    }

    int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
