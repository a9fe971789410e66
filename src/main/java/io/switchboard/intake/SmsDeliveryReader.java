package io.switchboard.intake;

import io.switchboard.events.SmsDelivery;
import java.time.Instant;
import java.util.List;

/** Reads a campaign message's delivery result; one result per person, status and moment is one event. */
final class SmsDeliveryReader implements EventReader<SmsDelivery> {
    @Override
    public SmsDelivery read(FieldReader root) {
        String status = root.text("status");
        return new SmsDelivery(root.id("source"), root.id("campaignId"), root.id("salesforceId"), root.text("phone"),
                status == null ? null : SmsDelivery.Status.fromWire(status), root.timestamp("at"), root.text("text"));
    }

    @Override
    public String source(SmsDelivery event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(SmsDelivery event) {
        return List.of(event.source(), event.campaignId(), event.salesforceId(), event.status().wireName(),
                at(event.at()));
    }

    /** The same moment written with another zone or precision is the same result. */
    private static String at(Instant at) {
        return at.toString();
    }
}
