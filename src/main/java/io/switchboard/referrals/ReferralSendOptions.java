package io.switchboard.referrals;

import io.switchboard.config.Option;
import io.switchboard.config.Secret;
import java.util.List;

/**
 * The settings of Case Xchange as the referral send reaches it: each a key of the {@code caseXchange} block of
 * {@code config/referral-send.yaml}, overridden by its environment variable; the client secret only from the
 * environment. The job is on when the url is set.
 */
public final class ReferralSendOptions {
    public static final Option<String> URL = Option.matching("url", "SWITCHBOARD_CASEXCHANGE_URL", null,
            "(?i)https?://[^/?#\\s@${}]+(/[^\\s?#${}]*)?", "an http or https URL such as https://api.casexchange.example/api/v1",
            "Case Xchange's API; referrals are POSTed to {url}/referrals, its token is asked for at {url}/oauth/token");
    public static final Option<String> CLIENT_ID = Option.text("clientId", "SWITCHBOARD_CASEXCHANGE_CLIENT_ID", null,
            "the OAuth client id the engine asks Case Xchange for a token with");
    public static final Option<Secret> CLIENT_SECRET = Option.secret(null, "SWITCHBOARD_CASEXCHANGE_CLIENT_SECRET",
            "the OAuth client secret; required when the url is set");
    public static final Option<Integer> INTERVAL_SECONDS = Option.integer("intervalSeconds",
            "SWITCHBOARD_REFERRAL_SEND_INTERVAL_SECONDS", 60, 1, 86_400,
            "seconds between two looks for records marked to be sent");
    public static final List<Option<?>> ALL = List.of(URL, CLIENT_ID, CLIENT_SECRET, INTERVAL_SECONDS);

    private ReferralSendOptions() {
    }
}
