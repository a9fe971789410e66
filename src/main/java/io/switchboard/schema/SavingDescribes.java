package io.switchboard.schema;

import io.switchboard.mapping.DescribeSource;
import io.switchboard.mapping.SObjectDescription;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The org's describes, each saved as it is answered, for validate to check the mappings with later. A describe the
 * org refuses is not saved, so its previous file stays; a save that fails is remembered, never thrown into the check.
 */
public final class SavingDescribes implements DescribeSource {
    private final DescribeSource org;
    private final SavedDescribes saved;
    private final String instanceUrl;
    private final String apiVersion;
    private final Clock clock;
    private final List<String> savedObjects = new ArrayList<>();
    private final Set<String> failures = new LinkedHashSet<>();

    public SavingDescribes(DescribeSource org, SavedDescribes saved, String instanceUrl, String apiVersion, Clock clock) {
        this.org = org;
        this.saved = saved;
        this.instanceUrl = instanceUrl;
        this.apiVersion = apiVersion;
        this.clock = clock;
    }

    @Override
    public String connection() {
        return org.connection();
    }

    @Override
    public boolean holds(String sobject) {
        return org.holds(sobject);
    }

    @Override
    public Optional<SObjectDescription> describe(String sobject) {
        Optional<SObjectDescription> description = org.describe(sobject);
        if (!SavedDescribes.savable(sobject)) {
            failures.add("'" + sobject + "' is not a Salesforce object name");
        } else if (!savedObjects.contains(sobject)) {
            try {
                saved.save(new SavedDescribe(connection(), sobject, clock.instant(), instanceUrl, apiVersion, description));
                savedObjects.add(sobject);
            } catch (UncheckedIOException e) {
                failures.add(e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        return description;
    }

    public SavedDescribes saved() {
        return saved;
    }

    /** The objects whose describes were saved, in the order they were asked for. */
    public List<String> savedObjects() {
        return List.copyOf(savedObjects);
    }

    /** Why a describe was not saved, one sentence each. */
    public List<String> failures() {
        return List.copyOf(failures);
    }
}
