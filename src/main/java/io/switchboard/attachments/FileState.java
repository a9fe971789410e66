package io.switchboard.attachments;

import java.time.Instant;

/** Where one file's download stands, as the event that asked for it sees it. */
public sealed interface FileState {

    /** Still downloading (or waiting between attempts); settled by {@code expectedBy} unless its queue is long. */
    record Pending(Instant expectedBy) implements FileState {
    }

    record Downloaded(byte[] content) implements FileState {
    }

    /**
     * Not to be had: {@code reason} is {@link AllowedHosts#REFUSED} for a URL, redirect or address not allowed, or
     * says why the download failed (its URL, and the answer or the attempts made).
     */
    record Unavailable(String reason) implements FileState {
    }
}
