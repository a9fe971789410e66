package io.switchboard.emulator.query;

import io.switchboard.emulator.api.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs a SOSL search over the records the search index holds, object by object in RETURNING order. */
final class SearchRunner {
    private final RecordSource source;
    private final RecordReader reader;

    /** A record found, with the RETURNING item that decides which of its fields are answered. */
    record Hit(Map<String, Object> record, SoslQuery.Returning returning) {
    }

    SearchRunner(RecordSource source, RecordReader reader) {
        this.source = source;
        this.reader = reader;
    }

    List<Hit> run(SoslQuery query) {
        List<Hit> hits = new ArrayList<>();
        for (SoslQuery.Returning returning : query.returning()) {
            int room = query.limit() - hits.size();
            found(query, returning).limit(Math.min(room, returning.limit().orElse(room)))
                    .forEach(record -> hits.add(new Hit(record, returning)));
        }
        return hits;
    }

    private Stream<Map<String, Object>> found(SoslQuery query, SoslQuery.Returning returning) {
        var fields = query.scope().fields(returning.object());
        Stream<Map<String, Object>> found = source.searchableRecords(returning.object().name()).stream()
                .filter(record -> query.term().matches(record, fields, query.scope().byWords()))
                .filter(record -> returning.where().test(record, reader));
        return returning.orderBy().isEmpty() ? found : found.sorted(OrderItem.comparator(returning.orderBy(), reader));
    }
}
