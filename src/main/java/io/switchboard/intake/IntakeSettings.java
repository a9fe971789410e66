package io.switchboard.intake;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;

/** The HTTP intake's settings. */
public record IntakeSettings(long maxBodyBytes) {
    public static IntakeSettings from(Configuration configuration) {
        return new IntakeSettings(EngineOptions.MAX_BODY_BYTES.read(configuration));
    }
}
