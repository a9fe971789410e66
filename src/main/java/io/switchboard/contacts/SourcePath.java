package io.switchboard.contacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ContactChanged.SourceContact;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a mapped value sits in the source platform's contact: {@code firstName}, {@code lastName}, {@code company},
 * the n-th of {@code phones[n]} or {@code emails[n]}, or a platform field {@code fields.NAME}.
 */
public record SourcePath(String text, Kind kind, int index, String fieldName) {
    static final String EXPECTED = "firstName, lastName, company, phones[N], emails[N] or fields.NAME";
    private static final Pattern LISTED = Pattern.compile("(phones|emails)\\[(\\d)]");
    private static final Pattern FIELD = Pattern.compile("fields\\.([A-Za-z][A-Za-z0-9_]{0,79})");

    /** The part of the source contact a path points into. */
    public enum Kind { FIRST_NAME, LAST_NAME, COMPANY, PHONE, EMAIL, FIELD }

    static Optional<SourcePath> parse(String text) {
        switch (text) {
            case "firstName":
                return Optional.of(new SourcePath(text, Kind.FIRST_NAME, 0, null));
            case "lastName":
                return Optional.of(new SourcePath(text, Kind.LAST_NAME, 0, null));
            case "company":
                return Optional.of(new SourcePath(text, Kind.COMPANY, 0, null));
            default:
                break;
        }
        Matcher listed = LISTED.matcher(text);
        if (listed.matches()) {
            return Optional.of(new SourcePath(text, listed.group(1).equals("phones") ? Kind.PHONE : Kind.EMAIL,
                    Integer.parseInt(listed.group(2)), null));
        }
        Matcher field = FIELD.matcher(text);
        return field.matches() ? Optional.of(new SourcePath(text, Kind.FIELD, 0, field.group(1))) : Optional.empty();
    }

    /** The contact's value at this path; null when the contact has none there. */
    public String read(SourceContact contact) {
        return switch (kind) {
            case FIRST_NAME -> contact.firstName();
            case LAST_NAME -> contact.lastName();
            case COMPANY -> contact.company();
            case PHONE -> element(contact.phones());
            case EMAIL -> element(contact.emails());
            case FIELD -> contact.fields().get(fieldName);
        };
    }

    private String element(List<String> values) {
        return index < values.size() ? values.get(index) : null;
    }

    /**
     * Puts a value at this path of a contact in the source's JSON shape; phones and emails fill their list in path
     * order, so {@code phones[1]} given without {@code phones[0]} still lands in the list.
     */
    public void write(ObjectNode contact, String value) {
        switch (kind) {
            case FIRST_NAME -> contact.put("firstName", value);
            case LAST_NAME -> contact.put("lastName", value);
            case COMPANY -> contact.put("company", value);
            case PHONE -> listed(contact.withArray("phones"), value);
            case EMAIL -> listed(contact.withArray("emails"), value);
            case FIELD -> contact.with("fields").put(fieldName, value);
        }
    }

    private static void listed(ArrayNode values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
