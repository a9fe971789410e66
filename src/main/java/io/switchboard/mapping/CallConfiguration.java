package io.switchboard.mapping;

import java.util.List;

/**
 * How a call is written: as a Task or a Case with a subject, a description and a field map, linked to the person
 * its number finds (searched per {@code search} on Phone plus {@code extraField}), created per {@code create} when
 * it finds nobody. The route sets {@code OwnerId} (the agent's user) and {@code WhoId}/{@code ContactId} itself.
 */
public record CallConfiguration(String name, int line, TicketType ticketType, Template subject, Template description,
                                List<FieldMapping> fields, SearchModule search, String extraField, CreateModule create) {
    public CallConfiguration {
        fields = List.copyOf(fields);
    }

    public List<SearchTarget> searchTargets() {
        return search.targets(extraField);
    }
}
