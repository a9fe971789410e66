package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.SObjectSchema;
import java.util.List;
import java.util.OptionalInt;

/** A parsed and checked SOQL query, ready to run against the record source. */
record SoqlQuery(SObjectSchema object, Selection selection, Condition where, List<OrderItem> orderBy,
                 OptionalInt limit, int offset) {

    SoqlQuery {
        orderBy = List.copyOf(orderBy);
    }
}
