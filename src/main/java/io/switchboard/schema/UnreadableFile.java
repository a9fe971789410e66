package io.switchboard.schema;

import java.nio.file.Path;

/** A saved describe that cannot be used, and why: reported with its file so that an operator can replace it. */
public record UnreadableFile(Path file, String reason) {
}
