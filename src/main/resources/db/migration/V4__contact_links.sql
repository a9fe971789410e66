-- Links between source-platform contacts (CINNOX) and Salesforce Contacts. One Salesforce Contact belongs to at
-- most one source contact: the primary key on its id says so. One source contact holds at most ten Contacts: its
-- link_count moves with each link in the same transaction, by an update that only succeeds below ten, so that
-- concurrent requests on any number of nodes queue on that one row and cannot overshoot; the check backs it up.

CREATE TABLE source_contacts (
    source      VARCHAR(255)             NOT NULL,
    contact_id  VARCHAR(255)             NOT NULL,
    link_count  INTEGER                  NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT source_contacts_key PRIMARY KEY (source, contact_id),
    CONSTRAINT source_contacts_at_most_ten CHECK (link_count BETWEEN 0 AND 10)
);

CREATE TABLE contact_links (
    salesforce_id  VARCHAR(18)              NOT NULL,
    source         VARCHAR(255)             NOT NULL,
    contact_id     VARCHAR(255)             NOT NULL,
    how            VARCHAR(16)              NOT NULL,
    linked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the Contact's field values as the engine last wrote them for the source, so that the sync back can tell
    -- the engine's own write from a Salesforce user's
    written_values TEXT,
    written_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT contact_links_one_source_contact PRIMARY KEY (salesforce_id),
    CONSTRAINT contact_links_owner FOREIGN KEY (source, contact_id) REFERENCES source_contacts (source, contact_id),
    CONSTRAINT contact_links_how_known CHECK (how IN ('matched', 'created', 'manual'))
);

CREATE INDEX contact_links_by_source_contact ON contact_links (source, contact_id);
