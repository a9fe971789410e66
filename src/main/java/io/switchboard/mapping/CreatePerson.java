package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Creates the person a phone number matched nobody for: a Contact, a Lead or an Account named per
 * {@link PersonName}, with the number in {@code Phone}. Leads need a Company; with none known it is
 * {@value #NO_COMPANY}, as Salesforce's own web-to-lead does. A name longer than its field is cut to fit, with a
 * warning.
 */
public final class CreatePerson {
    static final String NO_COMPANY = "[not provided]";

    private final SalesforceClient client;
    private final Clock clock;
    private final Describes describes;
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public CreatePerson(SalesforceClient client, Clock clock, Describes describes) {
        this.client = client;
        this.clock = clock;
        this.describes = describes;
    }

    /**
     * @param module {@link CreateModule#NONE} is refused: the caller decides whether to create at all
     * @param warn   told of every name cut to its field's length
     */
    public Person create(CreateModule module, String phone, String name, Consumer<String> warn) {
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
        String sobject = module.label();
        describes.describe(client, sobject).ifPresent(object -> fitToFieldLengths.fit(object, fields, warn));
        String id = client.create(sobject, fields).path("id").asText();
        return new Person(sobject, id, Instant.now(clock));
    }

    private static void putNames(ObjectNode fields, PersonName name) {
        if (name.firstName() != null) {
            fields.put("FirstName", name.firstName());
        }
        fields.put("LastName", name.lastName());
    }
}
