package io.switchboard.referrals;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.store.EventStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.camel.main.Main;

/**
 * Registers what {@code routes/referral-send.camel.yaml} names, with {@code config/referral-send.yaml} read once at
 * start: a changed file takes effect at the next start.
 */
public final class ReferralBeans {
    /** Stands in for the url while the send is off, so that the send route can be built; never called then. */
    private static final String URL_WHILE_OFF = "http://casexchange-is-off.invalid";

    private ReferralBeans() {
    }

    public static void register(Main main, Path configDir, UnaryOperator<String> environment, ConnectionSteps connections,
                                EventStore store) {
        ReferralSendConfig config = ReferralSendFile.load(configDir, environment);
        Supplier<ReferralSendConfig> settings = () -> config;
        CaseXchangeSettings caseXchange = config.caseXchange();
        main.addInitialProperty("switchboard.referral-send.enabled", String.valueOf(caseXchange.enabled()));
        main.addInitialProperty("switchboard.referral-send.interval-ms",
                String.valueOf(caseXchange.interval().toMillis()));
        main.addInitialProperty("switchboard.referral-send.url",
                caseXchange.enabled() ? caseXchange.base() : URL_WHILE_OFF);
        CaseXchangeTokens tokens = new CaseXchangeTokens(config::caseXchange, Clock.systemUTC());
        main.bind("findReferralsToSend", new FindReferralsToSend(settings, connections));
        main.bind("queueReferralSends", new QueueReferralSends(settings, store));
        main.bind("composeReferralSend", new ComposeReferralSend(tokens));
        main.bind("mapReferralAnswer", new MapReferralAnswer(settings, connections));
        main.bind("referralSendAnswers", new ReferralSendAnswers(tokens));
    }
}
