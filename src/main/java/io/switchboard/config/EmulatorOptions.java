package io.switchboard.config;

import java.time.Duration;
import java.util.List;

/** The settings of the {@code emulator} command, read from the environment only. */
public final class EmulatorOptions {
    public static final Option<Integer> PORT = Option.integer(null, "SF_EMULATOR_PORT", 8443, 0, 65535,
            "port of the `emulator` command (plain HTTP)");
    public static final Option<Duration> SEARCH_LAG = Option.millis(null, "SF_EMULATOR_SEARCH_LAG_MS", 0, 0, 3_600_000,
            "how long the emulator keeps new records out of SOSL search");

    public static final List<Option<?>> ALL = List.of(PORT, SEARCH_LAG);

    private EmulatorOptions() {
    }
}
