package io.switchboard.behaviours;

import io.switchboard.store.EventStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Prepares the poll of Case Xchange: asks for the changes {@code since} the watermark of the last successful poll,
 * kept in the event store. The first poll, with no watermark yet, asks for every change.
 */
public final class ReadReferralWatermark implements Processor {
    /** The watermark's name in the event store. */
    public static final String WATERMARK = "referral-status-changed-poll";

    private final EventStore store;

    public ReadReferralWatermark(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(null);
        Optional<String> since = store.watermark(WATERMARK);
        if (since.isPresent()) {
            message.setHeader(Exchange.HTTP_QUERY, "since=" + URLEncoder.encode(since.get(), StandardCharsets.UTF_8));
        } else {
            message.removeHeader(Exchange.HTTP_QUERY);
        }
    }
}
