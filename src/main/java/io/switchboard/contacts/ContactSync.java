package io.switchboard.contacts;

import io.switchboard.mapping.ObjectUse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code config/contact-sync.yaml} as read: the source platform, the Salesforce connection its Contacts live in, the
 * field map, the Contact fields a source contact is matched on, what a deletion on the source does, and how
 * Salesforce's changes are delivered back.
 *
 * @param contactUse every Contact field the file names, with its line and what the sync does with it: what
 *                   check-connection checks against the org's describe, and validate against the saved one
 */
public record ContactSync(Path file, String source, String connection, List<ContactField> fields,
                          List<String> phoneFields, List<String> emailFields, OnSourceDelete onSourceDelete,
                          DeliverySettings delivery, ObjectUse contactUse) {
    public ContactSync {
        fields = List.copyOf(fields);
        phoneFields = List.copyOf(phoneFields);
        emailFields = List.copyOf(emailFields);
    }

    /** The fields an event from the source may write to Salesforce. */
    public List<ContactField> toSalesforce() {
        return fields.stream().filter(field -> field.direction().toSalesforce()).toList();
    }

    /** The fields a Salesforce change carries to the source. */
    public List<ContactField> toSource() {
        return fields.stream().filter(field -> field.direction().toSource()).toList();
    }

    /** Every Contact field the sync reads: the mapped ones and those matched on. */
    public Set<String> contactFields() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.salesforceField()));
        names.addAll(phoneFields);
        names.addAll(emailFields);
        return names;
    }
}
