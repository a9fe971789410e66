package io.switchboard.emulator.records;

import java.util.List;

/**
 * What an upsert by external id did.
 *
 * @param ids the record written, or every record the key matched when it matched several (nothing written then)
 */
public record UpsertResult(List<String> ids, boolean created) {
    public UpsertResult {
        ids = List.copyOf(ids);
    }

    public boolean ambiguous() {
        return ids.size() > 1;
    }
}
