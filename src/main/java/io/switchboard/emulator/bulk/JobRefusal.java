package io.switchboard.emulator.bulk;

import io.switchboard.emulator.api.SalesforceError;

/** A refusal of Bulk API 2.0 itself: its documented error bodies carry errorCode and message, never fields. */
final class JobRefusal extends SalesforceError {
    JobRefusal(int status, String errorCode, String message) {
        super(status, errorCode, message);
    }

    @Override
    public boolean listsFields() {
        return false;
    }
}
