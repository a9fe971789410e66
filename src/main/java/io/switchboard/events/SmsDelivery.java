package io.switchboard.events;

import java.time.Instant;
import java.util.Locale;

/**
 * What happened to one campaign message, as the contact centre reports it: sent, delivered, failed, or replied to
 * (with the reply's text). Written to the person's CampaignMember Status; a reply also becomes a Task on the person.
 */
public record SmsDelivery(String source, String campaignId, String salesforceId, String phone, Status status,
                          Instant at, String text) {

    /** The platform's statuses, each with the CampaignMember Status it sets and its rank: a status never goes back. */
    public enum Status {
        SENT("Sent", 1),
        DELIVERED("Delivered", 2),
        FAILED("Failed", 2),
        REPLIED("Responded", 3);

        private final String memberStatus;
        private final int rank;

        Status(String memberStatus, int rank) {
            this.memberStatus = memberStatus;
            this.rank = rank;
        }

        public String memberStatus() {
            return memberStatus;
        }

        /** How far along a member is; a report of a lower rank than the member's status leaves the status be. */
        public int rank() {
            return rank;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** The rank of a CampaignMember Status as Salesforce holds it; 0 for one the platform never sets. */
        public static int rankOfMemberStatus(String memberStatus) {
            for (Status status : values()) {
                if (status.memberStatus.equals(memberStatus)) {
                    return status.rank;
                }
            }
            return 0;
        }
    }
}
