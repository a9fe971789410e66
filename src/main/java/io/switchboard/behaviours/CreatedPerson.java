package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.CreateModule;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.PersonFields;
import io.switchboard.salesforce.SalesforceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * The two halves around a route's {@code createSObject} step for a person a phone number matched nobody for: its
 * fields as the body (named per {@code PersonName}, the number in Phone, free text cut to its field), and then the
 * person Salesforce created, from its answer.
 */
public final class CreatedPerson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();
    private final ConnectionSteps steps;
    private final Clock clock;

    public CreatedPerson(ConnectionSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    /** Sets the exchange's body to the new person's fields, as a JSON text. */
    public void compose(Exchange exchange, SalesforceClient client, CreateModule module, String phone, String name) {
        ObjectNode fields = PersonFields.of(module, phone, name);
        fitToFieldLengths.fit(steps.describe(client, module.label()), fields, Outcomes.of(exchange)::warn);
        exchange.getMessage().setBody(fields.toString());
    }

    /** The person the create step's answer names, reported as created. */
    public Person read(Exchange exchange, String sobject) {
        try {
            JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
            Person created = new Person(sobject, answer.path("id").asText(), Instant.now(clock));
            Outcomes.of(exchange).produced(created.sobject(), created.id(), "created");
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer to the creation of a " + sobject, e);
        }
    }
}
