package io.switchboard.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.FieldProblem;
import io.switchboard.events.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns an event body into the record of its type: checked against its type's schema, every problem reported at
 * once, then read, with a warning for each field the schema does not declare. Used by the intake on arrival and by
 * the worker on the stored JSON.
 */
public final class EventParser {
    static final String BODY = "body";
    private static final int MAX_READABLE_KEY = 512;
    /** A field given twice is refused rather than letting the last one silently win. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper KEY_WRITER = new ObjectMapper();

    private EventParser() {
    }

    public static ParsedEvent parse(EventType type, byte[] body) throws InvalidEventException {
        return parse(type, body, object -> { });
    }

    /**
     * As {@link #parse(EventType, byte[])}, with fields the request carries outside its body (an id in the path)
     * added by {@code addFields} to the body's object before it is checked, so that they are checked with the rest.
     */
    public static ParsedEvent parse(EventType type, byte[] body, Consumer<ObjectNode> addFields)
            throws InvalidEventException {
        if (body == null || body.length == 0) {
            throw new InvalidEventException(List.of(new FieldProblem(BODY, "is required: send one JSON event")));
        }
        if (!(readTree(body) instanceof ObjectNode object)) {
            throw new InvalidEventException(List.of(new FieldProblem(BODY, "must be a JSON object")));
        }
        addFields.accept(object);
        return read(type, object);
    }

    /**
     * A stored event, for its route. Its JSON was checked against its schema, and its key and digest derived, when it
     * was accepted, so only the reading is done again: the record, and the warnings intake gave it. Checking every
     * event a second time on the worker cost as much CPU as the check at intake, for nothing.
     */
    public static StoredEventRead read(EventType type, String storedJson) throws InvalidEventException {
        JsonNode tree = readTree(storedJson.getBytes(StandardCharsets.UTF_8));
        return readStored(type, tree, readerOf(type));
    }

    private static <T extends Record> StoredEventRead readStored(EventType type, JsonNode tree, EventReader<T> reader)
            throws InvalidEventException {
        List<FieldProblem> problems = new ArrayList<>();
        T event = reader.read(FieldReader.root(tree, problems));
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return new StoredEventRead(event, warnings(type, tree, reader, event));
    }

    private static JsonNode readTree(byte[] body) throws InvalidEventException {
        try {
            return JSON.readTree(body);
        } catch (JsonParseException e) {
            if (e.getProcessor() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidEventException(List.of(new FieldProblem(fieldPath(e.getProcessor().getParsingContext()),
                        "is given twice; send each field once")));
            }
            throw new InvalidEventException(List.of(new FieldProblem(BODY, "is not valid JSON: " + e.getOriginalMessage()
                    + where(e.getLocation()))));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(List.of(new FieldProblem(BODY, "is not valid JSON: " + e.getOriginalMessage()
                    + where(e.getLocation()))));
        } catch (IOException e) {
            throw new InvalidEventException(List.of(new FieldProblem(BODY, "cannot be read: " + e.getMessage())));
        }
    }

    /** The path of the field being read, as problems name fields: {@code messages[2].sentAt}. */
    private static String fieldPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                path.insert(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                path.insert(0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".")).insert(0, at.getCurrentName());
            }
        }
        return path.length() == 0 ? BODY : path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ParsedEvent read(EventType type, JsonNode tree) throws InvalidEventException {
        return read(type, tree, readerOf(type));
    }

    private static EventReader<? extends Record> readerOf(EventType type) {
        return switch (type) {
            case CONVERSATION_CLOSED -> new ConversationClosedReader();
            case CALL -> new CallReader();
            case REFERRAL_STATUS_CHANGED -> new ReferralStatusChangedReader();
            case CASE_ACKNOWLEDGED -> new CaseAcknowledgedReader();
            case CONTACT_CHANGED -> new ContactChangedReader();
            case CONTACT_DELIVERY -> new ContactDeliveryReader();
            case REFERRAL_SEND -> new ReferralSendReader();
            case SMS_CAMPAIGN -> new SmsCampaignReader();
            case SMS_DELIVERY -> new SmsDeliveryReader();
        };
    }

    private static <T extends Record> ParsedEvent read(EventType type, JsonNode tree, EventReader<T> reader)
            throws InvalidEventException {
        EventSchema schema = EventSchema.of(type);
        List<FieldProblem> problems = new ArrayList<>(schema.problems(tree));
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        T event = reader.read(FieldReader.root(tree, problems));
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return new ParsedEvent(type, event, reader.source(event), derivedKey(type, reader.keyParts(event)), tree.toString(),
                CanonicalJson.digest(tree), warnings(type, tree, reader, event));
    }

    /** A warning per field the schema does not declare, then what the reader finds odd about the event. */
    private static <T extends Record> List<String> warnings(EventType type, JsonNode tree, EventReader<T> reader,
                                                            T event) {
        List<String> warnings = new ArrayList<>();
        EventSchema.of(type).unknownFields(tree).forEach(field -> warnings.add(unknownField(type, field)));
        warnings.addAll(reader.warnings(event));
        return warnings;
    }

    /** Accepted, as a platform may add fields before we read them; named, as it may as well be a misspelt one. */
    private static String unknownField(EventType type, String field) {
        return field + " is not a field of " + type.path() + " events and was ignored; the format is at GET /events/"
                + type.path() + "/schema";
    }

    /**
     * A JSON array of the type and the key's parts: readable, and no part's content can blur into the next. Keys
     * longer than the store's column (escaped characters can make them so) are kept as their SHA-256 instead.
     */
    private static String derivedKey(EventType type, List<String> parts) {
        List<String> key = new ArrayList<>();
        key.add(type.path());
        key.addAll(parts);
        String json;
        try {
            json = KEY_WRITER.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always writable as JSON", e);
        }
        return json.length() <= MAX_READABLE_KEY ? json : "sha256:" + CanonicalJson.sha256(json);
    }
}
