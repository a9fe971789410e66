package io.switchboard.contacts;

/** What a contact deleted on the source does to its Salesforce Contacts: unlinked only (default), or deleted too. */
public enum OnSourceDelete {
    UNLINK, DELETE
}
