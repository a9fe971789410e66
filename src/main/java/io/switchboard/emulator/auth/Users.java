package io.switchboard.emulator.auth;

import io.switchboard.emulator.api.RecordSource;
import java.util.Map;
import java.util.Optional;

/** Finds users the way login does: by username, in any letter case. */
public final class Users {
    private Users() {
    }

    public static Optional<Map<String, Object>> byUsername(RecordSource records, String username) {
        if (username == null) {
            return Optional.empty();
        }
        return records.records("User").stream()
                .filter(user -> username.equalsIgnoreCase((String) user.get("Username")))
                .findFirst();
    }
}
