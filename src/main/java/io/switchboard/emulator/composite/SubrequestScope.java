package io.switchboard.emulator.composite;

/** Which resources each kind of composite request may reach; anything else answers NOT_FOUND. */
enum SubrequestScope {
    /** sObject resources, query, queryAll and sObject collections. */
    COMPOSITE {
        @Override
        boolean allows(SubrequestUrl url) {
            return url.isUnder("/sobjects") || url.isUnder("/query") || url.isUnder("/queryAll")
                    || url.isUnder("/composite/sobjects");
        }
    },
    /** Only sObject rows: create, read, update, upsert and delete of records. */
    GRAPH {
        @Override
        boolean allows(SubrequestUrl url) {
            return url.path().startsWith("/sobjects/");
        }
    },
    /**
     * Any single REST resource, but no composite resource inside a batch, nor Bulk API jobs: Salesforce lists the
     * resources a batch may reach, and Bulk API is not among them.
     */
    BATCH {
        @Override
        boolean allows(SubrequestUrl url) {
            return !url.isUnder("/composite") && !url.isUnder("/jobs");
        }
    };

    abstract boolean allows(SubrequestUrl url);
}
