package io.switchboard.mapping;

/**
 * The name a new Contact, Lead or Account gets: the customer's name split at its last space into FirstName and
 * LastName, or, with no name, the phone number as LastName (Salesforce requires one).
 */
public record PersonName(String firstName, String lastName) {

    public static PersonName of(String name, String phone) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            return new PersonName(null, phone);
        }
        int lastSpace = trimmed.lastIndexOf(' ');
        return lastSpace < 0 ? new PersonName(null, trimmed)
                : new PersonName(trimmed.substring(0, lastSpace), trimmed.substring(lastSpace + 1));
    }

    /** FirstName and LastName joined, as an Account's Name. */
    public String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }
}
