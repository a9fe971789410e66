package io.switchboard.intake;

import io.switchboard.events.ContactChanged;
import io.switchboard.events.ContactChanged.Change;
import io.switchboard.events.ContactChanged.SourceContact;
import java.util.List;
import java.util.Locale;

/**
 * Reads a source contact's change. The schema checks each field; what it cannot say is that a creation or update
 * must carry the contact it is about, while a deletion needs none.
 */
final class ContactChangedReader implements EventReader<ContactChanged> {
    @Override
    public ContactChanged read(FieldReader root) {
        String changeText = root.text("change");
        Change change = changeText == null ? null : Change.valueOf(changeText.toUpperCase(Locale.ROOT));
        SourceContact contact = SourceContact.empty();
        if (root.present("contact")) {
            FieldReader fields = root.object("contact");
            contact = new SourceContact(fields.text("firstName"), fields.text("lastName"), fields.texts("phones"),
                    fields.texts("emails"), fields.text("company"), fields.textMap("fields"));
        } else if (change != Change.DELETED) {
            root.required("contact", "when change is " + changeText + ": send the contact as the platform now holds it");
        }
        return new ContactChanged(root.id("source"), root.id("contactId"), change, root.timestamp("changedAt"), contact);
    }

    @Override
    public String source(ContactChanged event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(ContactChanged event) {
        return List.of(event.source(), event.contactId(), event.change().wireName(), String.valueOf(event.changedAt()));
    }
}
