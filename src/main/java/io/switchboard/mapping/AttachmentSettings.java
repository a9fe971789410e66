package io.switchboard.mapping;

import io.switchboard.attachments.AllowedHosts;
import io.switchboard.attachments.FileRequest;
import java.time.Duration;

/**
 * The {@code attachments} section of {@code config/conversation-closed.yaml}: whether files are uploaded or linked,
 * which hosts they may be downloaded from, how long and how often each is tried, and what an event does with a
 * file it cannot have.
 */
public record AttachmentSettings(AttachmentMode mode, AllowedHosts allowedHosts, Duration timeout, int maxAttempts,
                                 WhenUnavailable whenUnavailable) {
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Without the section: upload, nothing downloaded (no host is allowed until an operator lists it). */
    static final AttachmentSettings DEFAULTS = new AttachmentSettings(AttachmentMode.UPLOAD, AllowedHosts.none(),
            Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), DEFAULT_MAX_ATTEMPTS, WhenUnavailable.FAIL);

    public FileRequest request(String url) {
        return new FileRequest(url, allowedHosts, timeout, maxAttempts);
    }
}
