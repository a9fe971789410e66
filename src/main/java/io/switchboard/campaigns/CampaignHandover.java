package io.switchboard.campaigns;

import io.switchboard.events.SmsCampaign;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * One attempt at handing a campaign over, carried through its route as an exchange property: the progress it
 * resumed from, the members read but not yet dealt with, and the batch being sent. The route loops while
 * {@link #finished()} is false and posts a batch while {@link #sending()} is true.
 */
public final class CampaignHandover {
    static final String PROPERTY = "switchboardSmsCampaign";
    /** The contact centre takes up to this many recipients a request. */
    static final int BATCH_SIZE = 200;

    final SmsCampaign campaign;
    final String eventId;
    final SmsProgress progress;
    final Deque<CampaignMember> unread = new ArrayDeque<>();
    /** Set once the members query was sent; then {@link #nextPage} says whether any page is left. */
    boolean queried;
    String nextPage;
    Batch batch;

    CampaignHandover(SmsCampaign campaign, String eventId, SmsProgress progress) {
        this.campaign = campaign;
        this.eventId = eventId;
        this.progress = progress;
    }

    static CampaignHandover of(Exchange exchange) {
        CampaignHandover handover = exchange.getProperty(PROPERTY, CampaignHandover.class);
        if (handover == null) {
            throw new IllegalStateException("resumeSmsCampaign must run first in the sms-campaign route");
        }
        return handover;
    }

    /** Every member has been dealt with. */
    public boolean finished() {
        return progress.finished;
    }

    /** A batch with recipients is ready to post. */
    public boolean sending() {
        return batch != null && !batch.recipients().isEmpty();
    }

    boolean allRead() {
        return queried && nextPage == null;
    }

    /** The members the next request takes, in Id order: up to 200 with a phone, and the skipped ones among them. */
    record Batch(int number, List<CampaignMember> recipients, List<CampaignMember> skipped, String lastMemberId) {
        Batch {
            recipients = List.copyOf(recipients);
            skipped = List.copyOf(skipped);
        }

        static Batch take(int number, Deque<CampaignMember> unread) {
            List<CampaignMember> recipients = new ArrayList<>();
            List<CampaignMember> skipped = new ArrayList<>();
            String last = null;
            while (!unread.isEmpty() && recipients.size() < BATCH_SIZE) {
                CampaignMember member = unread.removeFirst();
                (member.skipped() ? skipped : recipients).add(member);
                last = member.memberId();
            }
            return new Batch(number, recipients, skipped, last);
        }
    }
}
