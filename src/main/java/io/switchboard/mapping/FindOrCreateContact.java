package io.switchboard.mapping;

import java.util.List;

/**
 * The conversation rule for the customer's Contact: searched by phone on the configured Contact fields (the most
 * recently modified of several, with a warning); none found, one is created with the customer's name and number.
 */
public final class FindOrCreateContact {
    private final FindPersonByPhone finder;
    private final CreatePerson creator;

    public FindOrCreateContact(FindPersonByPhone finder, CreatePerson creator) {
        this.finder = finder;
        this.creator = creator;
    }

    public ContactOutcome findOrCreate(String phone, String name, SearchTarget contactSearch) {
        PersonSearchResult search = finder.find(phone, List.of(contactSearch));
        return search.found()
                .map(contact -> new ContactOutcome(contact, false, search.warnings()))
                .orElseGet(() -> new ContactOutcome(creator.create(CreateModule.CONTACT, phone, name), true,
                        search.warnings()));
    }
}
