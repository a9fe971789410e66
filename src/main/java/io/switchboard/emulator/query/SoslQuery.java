package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.SObjectSchema;
import java.util.List;
import java.util.OptionalInt;

/**
 * A parsed SOSL search.
 *
 * @param limit the most records the whole answer may hold
 */
record SoslQuery(SearchTerm term, SearchScope scope, List<SoslQuery.Returning> returning, int limit) {

    SoslQuery {
        returning = List.copyOf(returning);
    }

    /** One object of the RETURNING clause with its fields, filter, order and limit. */
    record Returning(SObjectSchema object, List<FieldPath> fields, Condition where, List<OrderItem> orderBy,
                     OptionalInt limit) {
        public Returning {
            fields = List.copyOf(fields);
            orderBy = List.copyOf(orderBy);
        }
    }
}
