package io.switchboard.referrals;

import io.switchboard.config.Secret;
import java.time.Duration;

/** Where Case Xchange is, the client credentials its token is asked for with, and how often the job looks. */
public record CaseXchangeSettings(String url, String clientId, Secret clientSecret, Duration interval) {
    /** The job runs only when Case Xchange's url is set. */
    public boolean enabled() {
        return url != null;
    }

    /** The url without a trailing slash, so that paths append cleanly. */
    public String base() {
        return url == null ? null : url.replaceAll("/+$", "");
    }

    /** Never the secret: it is not shown anywhere. */
    @Override
    public String toString() {
        return "url=" + url + ", clientId=" + clientId + ", clientSecret=" + Secret.describe(clientSecret)
                + ", interval=" + interval;
    }
}
