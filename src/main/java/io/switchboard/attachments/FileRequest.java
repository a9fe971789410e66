package io.switchboard.attachments;

import java.time.Duration;

/** How to download one file: from where, from which hosts only, how long each attempt may take, how many attempts. */
public record FileRequest(String url, AllowedHosts allowed, Duration timeout, int maxAttempts) {
}
