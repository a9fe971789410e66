package io.switchboard.store;

import java.util.UUID;

/** The contact links on H2, shared by two stores as two nodes would share it. */
class H2ContactLinksTest extends ContactLinksBehaviour {
    @Override
    protected String freshJdbcUrl() {
        return StoreDatabase.inMemoryUrl("links-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
