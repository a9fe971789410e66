package io.switchboard.emulator.bulk;

import java.util.Arrays;
import java.util.Optional;

/** How rows of a job's CSV data end: the job declares it, and data with the other ending fails the job. */
enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String characters;

    LineEnding(String characters) {
        this.characters = characters;
    }

    String characters() {
        return characters;
    }

    static Optional<LineEnding> of(String apiName) {
        return Arrays.stream(values()).filter(ending -> ending.name().equals(apiName)).findFirst();
    }
}
