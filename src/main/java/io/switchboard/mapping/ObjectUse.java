package io.switchboard.mapping;

import java.nio.file.Path;
import java.util.List;

/** The fields of one Salesforce object that a mapping file uses on one connection. */
public record ObjectUse(Path file, int line, String connection, String sobject, List<FieldUse> fields) {
    public ObjectUse {
        fields = List.copyOf(fields);
    }
}
