package io.switchboard.lookup;

import io.switchboard.mapping.Person;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.List;
import java.util.Set;

/**
 * Salesforce refused a write because the person it links to no longer exists (deleted or merged since the number
 * was last searched). The person is forgotten, so the event is worth retrying: the retry searches the number again.
 */
public final class StalePersonMatch extends SalesforceApiException {
    private static final Set<String> GONE = Set.of("INVALID_CROSS_REFERENCE_KEY", "ENTITY_IS_DELETED");

    private StalePersonMatch(SalesforceApiException refusal, Person person) {
        super(refusal.status(), refusal.errorCode(), person.sobject() + " " + person.id()
                + " that the number led to no longer exists; it will be searched again: " + refusal.getMessage(),
                refusal.fields(), refusal);
    }

    /**
     * The refusal as it should travel: a {@link StalePersonMatch} when it names the person's field as gone, after
     * forgetting the person; otherwise the refusal itself.
     *
     * @param linkFields the fields of the refused record that held the person's id
     */
    public static SalesforceApiException check(SalesforceApiException refusal, Person person, List<String> linkFields,
                                               RecentPersonMatches matches) {
        return gone(refusal, linkFields) ? forget(refusal, person, matches) : refusal;
    }

    /** Whether the refusal says the record linked to through one of {@code linkFields} is gone. */
    public static boolean gone(SalesforceApiException refusal, List<String> linkFields) {
        return GONE.contains(refusal.errorCode()) && refusal.fields().stream().anyMatch(linkFields::contains);
    }

    /** Forgets the person and answers the refusal as it should travel: the event runs again from the search. */
    public static StalePersonMatch forget(SalesforceApiException refusal, Person person, RecentPersonMatches matches) {
        matches.forget(person.id());
        return new StalePersonMatch(refusal, person);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }

    /** The whole event must run again, from the search for the person; the same write would be refused again. */
    @Override
    public boolean retryInRoute() {
        return false;
    }
}
