package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of the person created for a phone number that matched nobody: a Contact, a Lead or an Account named
 * per {@link PersonName}, with the number in {@code Phone}. Leads need a Company; with none known it is
 * {@value #NO_COMPANY}, as Salesforce's own web-to-lead does.
 */
public final class PersonFields {
    static final String NO_COMPANY = "[not provided]";

    private PersonFields() {
    }

    /** @param module {@link CreateModule#NONE} is refused: the caller decides whether to create at all */
    public static ObjectNode of(CreateModule module, String phone, String name) {
        PersonName personName = PersonName.of(name, phone);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        switch (module) {
            case CONTACT -> putNames(fields, personName);
            case LEAD -> {
                putNames(fields, personName);
                fields.put("Company", NO_COMPANY);
            }
            case ACCOUNT -> fields.put("Name", personName.fullName());
            case NONE -> throw new IllegalArgumentException("create module is none: nothing to create");
        }
        fields.put("Phone", phone);
        return fields;
    }

    private static void putNames(ObjectNode fields, PersonName name) {
        if (name.firstName() != null) {
            fields.put("FirstName", name.firstName());
        }
        fields.put("LastName", name.lastName());
    }
}
