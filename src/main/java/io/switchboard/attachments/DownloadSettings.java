package io.switchboard.attachments;

import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.util.List;

/** How many attachment downloads the engine runs at once, on threads of their own beside the worker's. */
public record DownloadSettings(int concurrency) {
    public static final Option CONCURRENCY = Option.of("switchboard.attachments.download-concurrency",
            "SWITCHBOARD_ATTACHMENT_DOWNLOAD_CONCURRENCY", "4",
            "attachment downloads at the same time, on threads of their own so that slow file servers hold no worker");

    public static DownloadSettings from(Configuration configuration) {
        return new DownloadSettings((int) Numbers.inRange(configuration, CONCURRENCY, 1, 64));
    }

    public List<String> describe() {
        return List.of("attachment-download-concurrency=" + concurrency);
    }
}
