package io.switchboard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.events.EventType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GET /events/{type}/schema, and the schema's part in POST /events/{type}, over real HTTP against a started engine. */
class EventSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("src/test/resources/events");
    private static final Path SAMPLES = Path.of("config/samples");
    /** Checks schemas and examples independently of the intake's own use of the validator. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .errorMessageKeyword("errorMessage").build()));
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;

    @BeforeAll
    static void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.start(emulator, Files.createTempDirectory("switchboard-schemas"), Map.of());
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode servedSchema(EventType type) throws Exception {
        HttpResponse<String> response = engine.get("/events/" + type.path() + "/schema");
        assertEquals(200, response.statusCode(), response.body());
        return body(response);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldServeEachTypesSchemaAsAValidDraft202012SchemaThatDocumentsEveryField(EventType type) throws Exception {
        HttpResponse<String> response = engine.get("/events/" + type.path() + "/schema");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/schema+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode schema = body(response);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(JSON.readTree(EventSchemaTest.class.getClassLoader().getResource(EventSchema.resource(type))), schema,
                "the file shipped in the jar, as it is");

        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), metaSchema.validate(schema), "a valid JSON Schema 2020-12");
        List<String> undocumented = new ArrayList<>();
        undocumentedFields(schema, type.path(), undocumented);
        assertEquals(List.of(), undocumented, "every field has a title and a description");
    }

    private static void undocumentedFields(JsonNode schema, String path, List<String> undocumented) {
        schema.path("properties").fields().forEachRemaining(field -> {
            if (!field.getValue().path("title").isTextual() || !field.getValue().path("description").isTextual()) {
                undocumented.add(path + "." + field.getKey());
            }
            undocumentedFields(field.getValue(), path + "." + field.getKey(), undocumented);
            undocumentedFields(field.getValue().path("items"), path + "." + field.getKey() + "[]", undocumented);
        });
    }

    /** Each schema is served alone, so the values they share are defined in each; they must not drift apart. */
    @Test
    void shouldDefineEachSharedValueTheSameWayInEverySchema() {
        Map<String, JsonNode> seen = new HashMap<>();
        List<String> differing = new ArrayList<>();
        for (EventType type : EventType.values()) {
            EventSchema.of(type).document().path("$defs").fields().forEachRemaining(definition -> {
                JsonNode first = seen.putIfAbsent(definition.getKey(), definition.getValue());
                if (first != null && !first.equals(definition.getValue())) {
                    differing.add(type.path() + ": $defs/" + definition.getKey());
                }
            });
        }
        assertEquals(List.of(), differing);
        assertTrue(seen.keySet().containsAll(List.of("id", "timestamp", "phone", "email")), seen.keySet().toString());
    }

    @Test
    void shouldAnswer404ForTheSchemaOfAnUnknownType() throws Exception {
        HttpResponse<String> response = engine.get("/events/chat-opened/schema");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("unknown_event_type", body(response).path("error").asText());
        assertTrue(body(response).path("message").asText().contains("conversation-closed"), response.body());
    }

    @Test
    void shouldAskForTheApiTokenLikeEveryEventsCall() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(engine.request("/events/call/schema").build().uri()).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("{\"error\":\"unauthorized\"}", response.body());
    }

    /** Every example event: the published examples beside the tests and the demo's samples, each named after its type. */
    static Stream<Path> examples() throws Exception {
        List<Path> examples = new ArrayList<>();
        for (Path folder : List.of(EXAMPLES, SAMPLES)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.toString().endsWith(".json")).sorted().forEach(examples::add);
            }
        }
        return examples.stream();
    }

    private static EventType typeOf(Path example) {
        String name = example.getFileName().toString();
        return Arrays.stream(EventType.values()).filter(type -> name.startsWith(type.path()))
                .max(Comparator.comparingInt(type -> type.path().length())).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldFindEveryExampleValidAgainstItsTypesServedSchema(Path example) throws Exception {
        EventType type = typeOf(example);
        Schema schema = REGISTRY.getSchema(servedSchema(type));
        assertEquals(List.of(), schema.validate(JSON.readTree(Files.readString(example))), example.toString());
    }

    @Test
    void shouldAcceptACallWithAMisspeltQueueAndNameTheFieldInTheEventsWarnings() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "misspelt-queue-1");
        call.set("queu", call.remove("queue"));
        HttpResponse<String> accepted = engine.postEvent("call", call.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode warnings = body(engine.get("/events/" + body(accepted).path("eventId").asText())).path("warnings");
        assertTrue(texts(warnings).contains("queu is not a field of call events and was ignored; the format is at "
                + "GET /events/call/schema"), warnings.toString());
    }

    @Test
    void shouldNameUnknownFieldsAtAnyDepthButNoCallVariable() throws Exception {
        ObjectNode conversation = EventIntakeTest.example("conversation-closed").put("conversationId", "unknown-fields-1");
        ((ObjectNode) conversation.get("agent")).put("emial", "agent.demo@example.com");
        ((ObjectNode) conversation.withArray("messages").get(1)).put("sender", "agent");
        ((ObjectNode) conversation.withArray("messages").get(2).withArray("attachments").get(0)).put("size", 68);
        HttpResponse<String> accepted = engine.postEvent("conversation-closed", conversation.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        List<String> fields = unknownFieldWarnings(accepted);
        assertEquals(List.of("agent.emial", "messages[1].sender", "messages[2].attachments[0].size"), fields);

        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "unknown-fields-2");
        ((ObjectNode) call.get("variables")).put("anyNameAtAll", "kept").put("count", 3);
        HttpResponse<String> callAccepted = engine.postEvent("call", call.toString());
        assertEquals(202, callAccepted.statusCode(), callAccepted.body());
        assertEquals(List.of(), unknownFieldWarnings(callAccepted), "variables take any name");
    }

    private static List<String> unknownFieldWarnings(HttpResponse<String> accepted) throws Exception {
        JsonNode warnings = body(engine.get("/events/" + body(accepted).path("eventId").asText())).path("warnings");
        return texts(warnings).stream().filter(warning -> warning.contains(" is not a field of "))
                .map(warning -> warning.substring(0, warning.indexOf(' '))).distinct().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> problems(HttpResponse<String> refused) throws Exception {
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_event", body(refused).path("error").asText(), refused.body());
        List<String> problems = new ArrayList<>();
        body(refused).path("problems").forEach(problem -> problems.add(problem.path("field").asText() + ": "
                + problem.path("message").asText()));
        return problems;
    }

    @Test
    void shouldRefuseFieldsOfTheWrongTypeNamingEach() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "wrong-types-1");
        call.putObject("status").put("is", "answered");
        call.put("agent", "agent.demo@example.com");
        call.put("startedAt", true);
        call.put("durationSeconds", "220");
        call.putArray("variables").add(1).add(2);
        assertEquals(List.of("status: must be a string", "agent: must be an object", "startedAt: must be a string",
                        "durationSeconds: must be a whole number, 0 or more", "variables: must be an object of names to values"),
                problems(engine.postEvent("call", call.toString())));
    }

    @Test
    void shouldRefuseHugeValuesWithTheLimitTheyBreak() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "x".repeat(1_000_000))
                .put("callerNumber", "3".repeat(200_000));
        ((ObjectNode) call.get("agent")).put("email", "a".repeat(500_000) + "@example.com");
        assertEquals(List.of("callId: must be at most 200 characters",
                        "callerNumber: must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567",
                        "agent.email: must be at most 80 characters, as Salesforce's email fields are"),
                problems(engine.postEvent("call", call.toString())));
    }

    @Test
    void shouldRefuseNumbersAndTextsBeyondWhatTheStoreAndTheRecordsHold() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "beyond-1")
                .put("source", "\uD83D\uDE00".repeat(150));
        call.set("durationSeconds", JSON.readTree("100000000000000000000"));
        assertEquals(List.of("durationSeconds: must be 2147483647 or less"), problems(engine.postEvent("call", call.toString())));
        call.put("durationSeconds", 220);
        assertEquals(List.of("source: must be at most 200 characters"), problems(engine.postEvent("call", call.toString())),
                "150 emoji are 300 UTF-16 units, as the store counts them");
    }

    @Test
    void shouldAcceptAUrlWhoseHostJavaReadsAndRefuseOneItCannot() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "urls-1")
                .put("recordingUrl", "https://motion.example.com/recordings/r\u00e9sum\u00e9.wav");
        HttpResponse<String> accepted = engine.postEvent("call", call.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        call.put("recordingUrl", "https://under_score.example.com/recordings/1.wav");
        assertEquals(List.of("recordingUrl: must be an http or https URL"), problems(engine.postEvent("call", call.toString())));
        call.put("recordingUrl", "ftp://motion.example.com/recordings/1.wav");
        assertEquals(List.of("recordingUrl: must be an http or https URL"), problems(engine.postEvent("call", call.toString())));
    }

    @Test
    void shouldRefuseNestedGarbageWhereAnObjectBelongs() throws Exception {
        ObjectNode conversation = EventIntakeTest.example("conversation-closed").put("conversationId", "garbage-1");
        ArrayNode nested = conversation.putArray("agent");
        for (int i = 0; i < 500; i++) {
            nested = nested.addArray();
        }
        conversation.putArray("messages").addArray().addArray().add(1);
        conversation.set("customer", JSON.readTree("{\"phone\": {\"$ne\": null}, \"name\": [\"Maria\"]}"));
        assertEquals(List.of("agent: must be an object", "customer.phone: must be a string", "customer.name: must be a string",
                        "messages[0]: must be an object"),
                problems(engine.postEvent("conversation-closed", conversation.toString())));
    }

    @Test
    void shouldRefuseABodyNestedDeeperThanAnyEventAsBadJson() throws Exception {
        String deep = "{\"source\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertTrue(problems(engine.postEvent("call", deep)).get(0).startsWith("body: is not valid JSON"));
    }

    @Test
    void shouldRefuseControlCharactersAndNullsWhereTheyCannotBelong() throws Exception {
        ObjectNode call = EventIntakeTest.example("call-inbound-answered").put("callId", "controls-1")
                .put("callerNumber", "+39\u0000333\n1234567").put("status", "\t\n ");
        call.putNull("direction");
        assertEquals(List.of("direction: is required", "status: must not be blank",
                        "callerNumber: must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567"),
                problems(engine.postEvent("call", call.toString())));
    }
}
