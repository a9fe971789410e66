package io.switchboard.lookup;

import java.util.List;

/**
 * The Salesforce user an email stands for. When no active user has the email, it is the connection's own user
 * ({@code fallback} true) and the warning says why.
 */
public record UserMatch(String userId, boolean fallback, List<String> warnings) {
    public UserMatch {
        warnings = List.copyOf(warnings);
    }
}
