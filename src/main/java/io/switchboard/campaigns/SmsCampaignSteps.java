package io.switchboard.campaigns;

/** What the SMS campaign routes' steps share. */
final class SmsCampaignSteps {
    /** Campaigns and their members are read and written on the default connection's org. */
    static final String CONNECTION = "default";

    private SmsCampaignSteps() {
    }
}
