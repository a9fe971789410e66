package io.switchboard.mapping;

import java.util.List;

/**
 * What describe says about one field, as far as mapping cares: its type, its length (characters a text field holds;
 * 0 for other types), whether it may be set on create and on update, whether it is an external id, and its active
 * picklist values.
 */
public record FieldDescription(String name, String type, int length, boolean createable, boolean updateable,
                               boolean externalId, boolean idLookup, List<String> picklistValues) {
    public FieldDescription {
        picklistValues = List.copyOf(picklistValues);
    }
}
