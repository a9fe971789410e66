package io.switchboard.referrals;

import io.switchboard.outbound.OutboundHttp;
import java.io.IOException;
import org.apache.camel.Exchange;

/**
 * What becomes of a send that Case Xchange did not take: not now (401 with a token it no longer takes, 408, 429,
 * 5xx), an IOException the worker retries after its backoff with the same Idempotency-Key; or refused, failed with
 * Case Xchange's reason once the record shows it.
 */
public final class ReferralSendAnswers {
    private final CaseXchangeTokens tokens;

    public ReferralSendAnswers(CaseXchangeTokens tokens) {
        this.tokens = tokens;
    }

    /** 401: the token is dropped, and the retry asks for a new one. */
    public void tokenRefused(Exchange exchange) throws IOException {
        tokens.refused(exchange.getProperty(ComposeReferralSend.TOKEN, String.class));
        throw new IOException("Case Xchange no longer takes the token (" + OutboundHttp.quotedAnswer(exchange)
                + "); the send will be retried with a new one");
    }

    public void notNow(Exchange exchange) throws IOException {
        throw new IOException("Case Xchange answered " + OutboundHttp.quotedAnswer(exchange) + "; the send will be retried");
    }

    /** After the failed status is written: the event fails, with Case Xchange's reason. */
    public void refused(Exchange exchange) {
        throw new IllegalArgumentException("Case Xchange refused the referral: "
                + exchange.getProperty(MapReferralAnswer.REFUSAL, String.class)
                + "; the record shows the failed status and is sent again when marked again");
    }
}
