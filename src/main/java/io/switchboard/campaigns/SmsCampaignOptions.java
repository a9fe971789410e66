package io.switchboard.campaigns;

import io.switchboard.config.Option;
import java.util.List;

/**
 * Where the contact centre takes SMS campaigns. The batches are signed with the contact sync's secret
 * ({@code SWITCHBOARD_CONTACT_SYNC_SECRET}), since it is the same platform that checks them.
 */
public final class SmsCampaignOptions {
    public static final Option<String> URL = Option.matching(null, "SWITCHBOARD_SMS_CAMPAIGN_URL", null,
            "(?i)https?://[^/?#\\s@${}]+(/[^\\s?#${}]*)?", "an http or https URL without query, such as https://platform.example/sms/campaigns",
            "where the members of a campaign are POSTed in signed batches; POST /campaigns/{id}/send is refused while unset");
    public static final List<Option<?>> ALL = List.of(URL);

    private SmsCampaignOptions() {
    }
}
