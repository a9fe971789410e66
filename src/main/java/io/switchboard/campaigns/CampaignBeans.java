package io.switchboard.campaigns;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.store.EventStore;
import java.util.function.UnaryOperator;
import org.apache.camel.main.Main;

/** Registers what {@code routes/sms-campaign.camel.yaml} names, with the settings read once at start. */
public final class CampaignBeans {
    /** Stands in for the url while campaigns are off, so that the route can be built; never called then. */
    private static final String URL_WHILE_OFF = "http://sms-campaigns-are-off.invalid";

    private CampaignBeans() {
    }

    public static void register(Main main, UnaryOperator<String> environment, ConnectionSteps steps, EventStore store,
                                WriteFence fence) {
        SmsCampaignSettings settings = SmsCampaignSettings.from(environment);
        main.addInitialProperty("switchboard.sms-campaign.url", settings.url() == null ? URL_WHILE_OFF : settings.url());
        main.bind("requireSmsCampaignsOn", new RequireSmsCampaignsOn(settings));
        main.bind("resumeSmsCampaign", new ResumeSmsCampaign(store, steps));
        main.bind("nextSmsBatch", new NextSmsBatch(steps));
        main.bind("signSmsBatch", new SignSmsBatch(() -> settings, fence));
        main.bind("smsBatchAnswers", new SmsBatchAnswers());
        main.bind("saveSmsProgress", new SaveSmsProgress(store));
        main.bind("reportSmsCampaign", new ReportSmsCampaign());
        main.bind("findSmsCampaignMembers", new FindSmsCampaignMembers(steps));
        main.bind("planSmsStatusUpdates", new PlanSmsStatusUpdates());
        main.bind("findWrittenReplyTasks", new FindWrittenReplyTasks(steps));
        main.bind("composeSmsWrites", new ComposeSmsWrites(steps));
        main.bind("readSmsWrites", new ReadSmsWrites());
    }
}
