package io.switchboard.intake;

import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.util.List;

/** The HTTP intake's settings. */
public record IntakeSettings(long maxBodyBytes) {
    public static final Option MAX_BODY_BYTES = Option.of("switchboard.max-body-bytes", "SWITCHBOARD_MAX_BODY_BYTES",
            "10485760", "largest request body accepted, in bytes; larger ones are answered 413");

    public static IntakeSettings from(Configuration configuration) {
        return new IntakeSettings(Numbers.inRange(configuration, MAX_BODY_BYTES, 1024, Integer.MAX_VALUE));
    }

    public List<String> describe() {
        return List.of("max-body-bytes=" + maxBodyBytes);
    }
}
