package io.switchboard.emulator.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One ORDER BY item. Salesforce puts empty values first when ascending and last when descending by default. */
record OrderItem(FieldPath path, boolean descending, boolean nullsFirst) {

    /** Orders records by every item in turn; records equal on all items keep their stored order. */
    static Comparator<Map<String, Object>> comparator(List<OrderItem> items, RecordReader reader) {
        Comparator<Map<String, Object>> order = (left, right) -> 0;
        for (OrderItem item : items) {
            order = order.thenComparing(item.comparator(reader));
        }
        return order;
    }

    private Comparator<Map<String, Object>> comparator(RecordReader reader) {
        Comparator<Comparable<?>> values = FieldValues::compare;
        if (descending) {
            values = values.reversed();
        }
        values = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(record -> reader.normalized(record, path), values);
    }
}
