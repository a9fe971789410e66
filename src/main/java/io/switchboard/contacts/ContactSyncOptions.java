package io.switchboard.contacts;

import io.switchboard.config.Option;
import io.switchboard.config.Secret;
import java.util.List;

/**
 * The settings of the sync from Salesforce back to the source platform: each a key of the {@code delivery} block of
 * {@code config/contact-sync.yaml}, overridden by its environment variable; the secret only from the environment.
 */
public final class ContactSyncOptions {
    public static final Option<Boolean> ENABLED = Option.flag("enabled", "SWITCHBOARD_CONTACT_SYNC_ENABLED", false,
            "whether Salesforce Contact changes are delivered to the source platform");
    public static final Option<String> URL = Option.matching("url", "SWITCHBOARD_CONTACT_SYNC_URL", null,
            "(?i)https?://[^/?#\\s@${}]+(/[^\\s${}]*)?", "an http or https URL such as https://platform.example/contacts",
            "where each Contact change is POSTed");
    public static final Option<Integer> INTERVAL_SECONDS = Option.integer("intervalSeconds",
            "SWITCHBOARD_CONTACT_SYNC_INTERVAL_SECONDS", 60, 1, 86_400, "seconds between two reads of Salesforce's changes");
    public static final Option<Secret> SECRET = Option.secret(null, "SWITCHBOARD_CONTACT_SYNC_SECRET",
            "the key of the deliveries' HMAC-SHA256 signature; required when the sync is enabled");
    public static final List<Option<?>> ALL = List.of(ENABLED, URL, INTERVAL_SECONDS, SECRET);

    private ContactSyncOptions() {
    }
}
