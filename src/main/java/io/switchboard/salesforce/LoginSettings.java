package io.switchboard.salesforce;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;
import java.time.Duration;

/** How often a connection whose login Salesforce refused tries again: once per interval, whatever its traffic. */
public record LoginSettings(Duration retryInterval) {
    public static final LoginSettings DEFAULTS = new LoginSettings(EngineOptions.LOGIN_RETRY.valueOf(null));

    public static LoginSettings from(Configuration configuration) {
        return new LoginSettings(EngineOptions.LOGIN_RETRY.read(configuration));
    }
}
