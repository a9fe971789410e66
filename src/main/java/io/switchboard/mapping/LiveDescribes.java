package io.switchboard.mapping;

import io.switchboard.salesforce.SalesforceClient;
import java.util.Optional;

/** The org's own describes, asked through the connection's client and kept for a while by {@link Describes}. */
public final class LiveDescribes implements DescribeSource {
    private final Describes describes;
    private final SalesforceClient client;

    public LiveDescribes(Describes describes, SalesforceClient client) {
        this.describes = describes;
        this.client = client;
    }

    @Override
    public String connection() {
        return client.connection().name();
    }

    @Override
    public boolean holds(String sobject) {
        return true;
    }

    @Override
    public Optional<SObjectDescription> describe(String sobject) {
        return describes.describe(client, sobject);
    }
}
