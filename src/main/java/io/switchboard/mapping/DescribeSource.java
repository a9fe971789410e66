package io.switchboard.mapping;

import java.util.Optional;

/**
 * Where a check of the mappings gets one connection's describes: the org itself, or the describes check-connection
 * saved, so that one check serves online and offline.
 */
public interface DescribeSource {
    /** The connection whose org these describes are of. */
    String connection();

    /** Whether this source can say anything about the object: an org always can, saved describes only for what was saved. */
    boolean holds(String sobject);

    /**
     * The object's description, or empty when the org has no such object.
     *
     * @throws io.switchboard.salesforce.SalesforceApiException when the org refuses to describe it
     */
    Optional<SObjectDescription> describe(String sobject);
}
