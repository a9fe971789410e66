package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.emulator.api.SalesforceError;
import org.junit.jupiter.api.function.Executable;

/** Assertions on refusals: status, error code and the reason on the message's last line. */
final class Refusals {
    private Refusals() {
    }

    static SalesforceError assertRefused(Executable call, String errorCode, String reason) {
        SalesforceError error = assertThrows(SalesforceError.class, call);
        assertEquals(400, error.status());
        assertEquals(errorCode, error.errorCode());
        assertEquals(reason, reason(error));
        return error;
    }

    /** The reason Salesforce gives after the echoed query, the caret and the row and column. */
    static String reason(SalesforceError error) {
        String message = error.getMessage();
        return message.substring(message.lastIndexOf('\n') + 1);
    }
}
