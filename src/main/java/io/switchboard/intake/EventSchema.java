package io.switchboard.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.switchboard.api.FieldProblem;
import io.switchboard.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One event type's JSON Schema, shipped as {@code schemas/events/<type>.schema.json}: the document
 * {@code GET /events/{type}/schema} serves and the check every event of that type passes before it is read, so that
 * the published format and what intake accepts are one thing.
 */
final class EventSchema {
    static final String MEDIA_TYPE = "application/schema+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Formats are checked, not only noted as 2020-12 has it by default: a timestamp without its zone must be refused.
     * The errorMessage keyword is declared so that the validator knows it; {@link SchemaProblems} reads its words.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .errorMessageKeyword(SchemaProblems.ERROR_MESSAGE).build()));
    private static final Map<EventType, EventSchema> SCHEMAS = loadAll();

    private final JsonNode document;
    private final Schema schema;
    private final UnknownFields unknownFields;

    private EventSchema(JsonNode document, Schema schema) {
        this.document = document;
        this.schema = schema;
        this.unknownFields = new UnknownFields(document);
    }

    static EventSchema of(EventType type) {
        return SCHEMAS.get(type);
    }

    static String resource(EventType type) {
        return "schemas/events/" + type.path() + ".schema.json";
    }

    /** The schema as shipped; a copy, so no caller can change what intake checks against. */
    JsonNode document() {
        return document.deepCopy();
    }

    /** Every rule of the schema the event breaks, at most one per field, in the order the schema declares them. */
    List<FieldProblem> problems(JsonNode event) {
        return SchemaProblems.of(schema.validate(event), document);
    }

    /** The paths of the fields the event has and the schema does not declare. */
    List<String> unknownFields(JsonNode event) {
        return unknownFields.in(event);
    }

    private static Map<EventType, EventSchema> loadAll() {
        Map<EventType, EventSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonNode document = read(resource(type));
            Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource(type)), document);
            schema.initializeValidators();
            schemas.put(type, new EventSchema(document, schema));
        }
        return schemas;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the event schema " + resource + " is missing from the build");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the event schema " + resource + " cannot be read", e);
        }
    }
}
