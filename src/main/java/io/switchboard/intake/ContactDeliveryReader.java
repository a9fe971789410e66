package io.switchboard.intake;

import io.switchboard.events.ContactDelivery;
import java.time.Instant;
import java.util.List;

/**
 * Reads a queued Contact delivery. Its key orders a Contact's changes: the change's time as zero-padded epoch
 * milliseconds after the Contact's id, so that the earlier of two changes has the smaller key.
 */
final class ContactDeliveryReader implements EventReader<ContactDelivery> {
    @Override
    public ContactDelivery read(FieldReader root) {
        return new ContactDelivery(root.text("salesforceId"), root.text("change"), root.timestamp("changedAt"),
                root.texts("links"), root.json());
    }

    @Override
    public String source(ContactDelivery event) {
        return ContactDelivery.SOURCE;
    }

    @Override
    public List<String> keyParts(ContactDelivery event) {
        return List.of(ContactDelivery.SOURCE, event.salesforceId(), orderedTime(event.changedAt()), event.change());
    }

    static String orderedTime(Instant at) {
        return String.format("%016d", at.toEpochMilli());
    }
}
