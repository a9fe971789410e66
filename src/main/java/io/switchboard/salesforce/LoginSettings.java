package io.switchboard.salesforce;

import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.time.Duration;
import java.util.List;

/** How often a connection whose login Salesforce refused tries again: once per interval, whatever its traffic. */
public record LoginSettings(Duration retryInterval) {
    public static final Option RETRY_MS = Option.of("switchboard.login-retry-ms", "SWITCHBOARD_LOGIN_RETRY_MS", "300000",
            "after Salesforce refused a connection's login, the wait before its next login attempt (one per interval)");
    public static final LoginSettings DEFAULTS = new LoginSettings(Duration.ofMinutes(5));

    public static LoginSettings from(Configuration configuration) {
        return new LoginSettings(Duration.ofMillis(Numbers.inRange(configuration, RETRY_MS, 1000, 86_400_000)));
    }

    public List<String> describe() {
        return List.of("login-retry=" + retryInterval);
    }
}
