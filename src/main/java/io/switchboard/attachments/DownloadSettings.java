package io.switchboard.attachments;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;

/** How many attachment downloads the engine runs at once, on threads of their own beside the worker's. */
public record DownloadSettings(int concurrency) {
    public static DownloadSettings from(Configuration configuration) {
        return new DownloadSettings(EngineOptions.ATTACHMENT_DOWNLOAD_CONCURRENCY.read(configuration));
    }
}
