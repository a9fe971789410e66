package io.switchboard.emulator.records;

/** Which Salesforce operation a write belongs to: it decides which fields may be written. */
public enum WriteMode {
    /** POST: createable fields, plus audit fields for permitted users. */
    INSERT,
    /** Upsert that creates: createable fields, never audit fields. */
    UPSERT_INSERT,
    /** PATCH by id or an upsert that matched: updateable fields only. */
    UPDATE;

    public boolean inserts() {
        return this != UPDATE;
    }
}
