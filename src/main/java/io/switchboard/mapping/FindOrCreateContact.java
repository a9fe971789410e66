package io.switchboard.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The conversation rule for the customer's Contact: searched by phone on the configured Contact fields (the most
 * recently modified of several, with a warning); none found, one is created with the customer's name and number,
 * and remembered so that the customer's next conversation finds it without a search.
 */
public final class FindOrCreateContact {
    private final RecentPersonMatches finder;
    private final CreatePerson creator;

    public FindOrCreateContact(RecentPersonMatches finder, CreatePerson creator) {
        this.finder = finder;
        this.creator = creator;
    }

    public ContactOutcome findOrCreate(String phone, String name, SearchTarget contactSearch) {
        PersonSearchResult search = finder.find(phone, List.of(contactSearch));
        if (search.found().isPresent()) {
            return new ContactOutcome(search.found().get(), false, search.warnings());
        }
        List<String> warnings = new ArrayList<>(search.warnings());
        return new ContactOutcome(create(phone, name, contactSearch, warnings::add), true, warnings);
    }

    private Person create(String phone, String name, SearchTarget contactSearch, Consumer<String> warn) {
        Person created = creator.create(CreateModule.CONTACT, phone, name, warn);
        finder.remember(phone, List.of(contactSearch), created);
        return created;
    }
}
