package io.switchboard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.events.EventType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /events/{type} over real HTTP against a started engine. */
class EventIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_LIMIT = 64 * 1024;
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of("SWITCHBOARD_MAX_BODY_BYTES", String.valueOf(BODY_LIMIT)));
    private long storedBefore;

    @BeforeEach
    void countStored() {
        storedBefore = rig.engine().store().count();
    }

    private void assertNothingStored() {
        assertEquals(storedBefore, rig.engine().store().count(), "nothing may be stored for a refused request");
    }

    static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/" + name + ".json")));
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static Stream<Arguments> examples() {
        return Stream.of(Arguments.of("conversation-closed", "conversation-closed"), Arguments.of("call", "call-inbound-answered"),
                Arguments.of("call", "call-outbound-answered"), Arguments.of("referral-status-changed", "referral-status-changed"),
                Arguments.of("case-acknowledged", "case-acknowledged"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("examples")
    void shouldAcceptEachExampleOnceThenAnswerDuplicateWithTheSameId(String type, String example) throws Exception {
        HttpResponse<String> first = rig.engine().postEvent(type, example(example).toString());
        assertEquals(202, first.statusCode(), first.body());
        assertEquals("accepted", body(first).path("status").asText());
        String eventId = body(first).path("eventId").asText();
        assertEquals(storedBefore + 1, rig.engine().store().count());

        HttpResponse<String> again = rig.engine().postEvent(type, example(example).toString());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(eventId, body(again).path("eventId").asText());
        assertEquals("duplicate", body(again).path("status").asText());
        assertEquals(storedBefore + 1, rig.engine().store().count());
        assertEquals(type, rig.engine().store().find(eventId).orElseThrow().type().path());
    }

    @Test
    void shouldDeriveTheKeyFromSourceCallIdAndStatus() throws Exception {
        ObjectNode call = example("call-inbound-answered").put("callId", "derived-1");
        String first = body(rig.engine().postEvent("call", call.toString())).path("eventId").asText();
        assertEquals(first, body(rig.engine().postEvent("call", call.toString())).path("eventId").asText(),
                "same source, callId and status, same body: the same call");
        call.put("queue", "Support").put("durationSeconds", 5);
        HttpResponse<String> changed = rig.engine().postEvent("call", call.toString());
        assertEquals(409, changed.statusCode(), "same key, another body: " + changed.body());
        call.put("status", "hangup");
        HttpResponse<String> newStatus = rig.engine().postEvent("call", call.toString());
        assertEquals(202, newStatus.statusCode(), newStatus.body());
        assertNotEquals(first, body(newStatus).path("eventId").asText(), "a new status is a new event");
    }

    @Test
    void shouldKeepAVeryLongDerivedKeyUniqueAndStorable() throws Exception {
        int maxIdLength = EventSchema.of(EventType.REFERRAL_STATUS_CHANGED).document().at("/$defs/id/maxLength").asInt();
        String quotes = "\"".repeat(maxIdLength - 1);
        ObjectNode referral = example("referral-status-changed").put("source", quotes).put("referralId", quotes + "a")
                .put("status", quotes);
        HttpResponse<String> first = rig.engine().postEvent("referral-status-changed", referral.toString());
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(200, rig.engine().postEvent("referral-status-changed", referral.toString()).statusCode());
        referral.put("referralId", quotes + "b");
        assertEquals(202, rig.engine().postEvent("referral-status-changed", referral.toString()).statusCode());
    }

    @Test
    void shouldUseTheIdempotencyKeyHeaderWhenGiven() throws Exception {
        ObjectNode event = example("case-acknowledged").put("caseId", "CX-header-1");
        HttpResponse<String> first = rig.engine().send(jsonPost("case-acknowledged", event.toString()).header("Idempotency-Key", "delivery-77"));
        HttpResponse<String> second = rig.engine().send(jsonPost("case-acknowledged", event.toString()).header("Idempotency-Key", "delivery-77"));
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(body(first).path("eventId"), body(second).path("eventId"));
        event.put("caseId", "CX-header-2");
        HttpResponse<String> otherCase = rig.engine().postEvent("case-acknowledged", event.toString());
        assertEquals(202, otherCase.statusCode(), "without the header the key is derived from caseId: " + otherCase.body());
    }

    // issue 9: keys were global and blind to the body
    @Test
    void shouldRefuseAKeyReusedWithAnotherBodyAndStoreNothing() throws Exception {
        ObjectNode event = example("case-acknowledged").put("caseId", "CX-reused-1");
        assertEquals(202, rig.engine().send(jsonPost("case-acknowledged", event.toString()).header("Idempotency-Key", "reused-1"))
                .statusCode());
        storedBefore = rig.engine().store().count();
        event.put("caseId", "CX-reused-2");
        HttpResponse<String> reused = rig.engine().send(jsonPost("case-acknowledged", event.toString())
                .header("Idempotency-Key", "reused-1"));
        assertEquals(409, reused.statusCode(), reused.body());
        assertEquals("idempotency_key_reused", body(reused).path("error").asText());
        assertFalse(body(reused).has("eventId"), "the other event's id is not given away: " + reused.body());
        assertNothingStored();
    }

    @Test
    void shouldAnswerDuplicateForTheSameBodyWrittenInAnotherOrderOrSpacing() throws Exception {
        ObjectNode event = example("case-acknowledged").put("caseId", "CX-canonical-1");
        HttpResponse<String> first = rig.engine().postEvent("case-acknowledged", event.toString());
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, event.get(name)));
        HttpResponse<String> again = rig.engine().postEvent("case-acknowledged", reordered.toPrettyString());
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(body(first).path("eventId"), body(again).path("eventId"));
    }

    @Test
    void shouldKeepAClientKeyOfOneTypeFromAnsweringForAnotherType() throws Exception {
        ObjectNode call = example("call-inbound-answered").put("callId", "cross-type-1");
        ObjectNode conversation = example("conversation-closed").put("conversationId", "cross-type-1");
        HttpResponse<String> callAnswer = rig.engine().send(jsonPost("call", call.toString()).header("Idempotency-Key", "shared-key"));
        HttpResponse<String> conversationAnswer = rig.engine().send(jsonPost("conversation-closed", conversation.toString())
                .header("Idempotency-Key", "shared-key"));
        assertEquals(202, callAnswer.statusCode(), callAnswer.body());
        assertEquals(202, conversationAnswer.statusCode(), conversationAnswer.body());
        assertNotEquals(body(callAnswer).path("eventId"), body(conversationAnswer).path("eventId"));
    }

    @Test
    void shouldKeepAClientKeyShapedLikeADerivedKeyFromSilencingTheRealEvent() throws Exception {
        ObjectNode conversation = example("conversation-closed").put("conversationId", "shaped-1");
        String derivedShape = "[\"conversation-closed\",\"witiop\",\"shaped-1\"]";
        HttpResponse<String> impostor = rig.engine().send(jsonPost("conversation-closed",
                example("conversation-closed").put("conversationId", "impostor").toString())
                .header("Idempotency-Key", derivedShape));
        HttpResponse<String> real = rig.engine().postEvent("conversation-closed", conversation.toString());
        assertEquals(202, impostor.statusCode(), impostor.body());
        assertEquals(202, real.statusCode(), "the real conversation must not answer duplicate: " + real.body());
        assertEquals("accepted", body(real).path("status").asText());
    }

    @Test
    void shouldRefuseAFieldGivenTwiceNamingIt() throws Exception {
        String call = example("call-inbound-answered").toString();
        String twiceAtTop = call.replaceFirst("\\{", "{\"callId\":\"first\",");
        HttpResponse<String> top = rig.engine().postEvent("call", twiceAtTop);
        assertEquals(400, top.statusCode(), top.body());
        assertEquals("callId", body(top).path("problems").path(0).path("field").asText(), top.body());
        assertEquals("is given twice; send each field once", body(top).path("problems").path(0).path("message").asText());
        String twiceNested = example("conversation-closed").toString()
                .replace("\"phone\":\"+393331234567\"", "\"phone\":\"+393331234567\",\"phone\":\"+390000000000\"");
        HttpResponse<String> nested = rig.engine().postEvent("conversation-closed", twiceNested);
        assertEquals(400, nested.statusCode(), nested.body());
        assertEquals("customer.phone", body(nested).path("problems").path(0).path("field").asText(), nested.body());
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnEmailLongerThanSalesforceHolds() throws Exception {
        ObjectNode conversation = example("conversation-closed").put("conversationId", "long-email-1");
        conversation.putObject("agent").put("email", "a".repeat(69) + "@example.com");
        HttpResponse<String> refused = rig.engine().postEvent("conversation-closed", conversation.toString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("agent.email", body(refused).path("problems").path(0).path("field").asText());
        assertEquals("must be at most 80 characters, as Salesforce's email fields are",
                body(refused).path("problems").path(0).path("message").asText());
        assertNothingStored();
    }

    @Test
    void shouldWarnOnAMessageSentAfterTheConversationClosed() throws Exception {
        ObjectNode conversation = example("conversation-closed").put("conversationId", "late-message-1")
                .put("closedAt", "2026-11-20T10:10:00Z");
        HttpResponse<String> accepted = rig.engine().postEvent("conversation-closed", conversation.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode status = body(rig.engine().get("/events/" + body(accepted).path("eventId").asText()));
        // the worker may have run the event already, adding warnings of its route after the intake's
        assertEquals("messages[3].sentAt 2026-11-20T10:14:55Z is later than closedAt 2026-11-20T10:10:00Z; "
                + "the comment keeps the message's own time", status.path("warnings").path(0).asText(), status.toString());
    }

    private static HttpRequest.Builder jsonPost(String type, String json) {
        return rig.engine().request("/events/" + type).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"", "Bearer wrong-token", "Bearer test-token-4b1d9", "Basic dGVzdA==", "test-token-4b1d9c"})
    void shouldRefuseAMissingOrWrongTokenWith401(String authorization) throws Exception {
        HttpRequest.Builder request = jsonPost("call", example("call-inbound-answered").put("callId", "auth").toString());
        request.setHeader("Authorization", authorization.isEmpty() ? "Bearer " : authorization);
        HttpResponse<String> response = rig.engine().send(request);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("{\"error\":\"unauthorized\"}", response.body());
        assertNothingStored();
    }

    @Test
    void shouldRefuseARequestWithoutAnAuthorizationHeader() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(rig.engine().request("/events/call").build().uri())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertNothingStored();
    }

    @Test
    void shouldAnswer404ForAnUnknownType() throws Exception {
        HttpResponse<String> response = rig.engine().postEvent("chat-opened", example("conversation-closed").toString());
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("unknown_event_type", body(response).path("error").asText());
        assertTrue(body(response).path("message").asText().contains("conversation-closed"), response.body());
        assertNothingStored();
    }

    @Test
    void shouldTakeTheTypeFromThePathAndNeverFromAHeader() throws Exception {
        HttpResponse<String> response = rig.engine().send(rig.engine().request("/events/chat-opened").header("Content-Type", "application/json")
                .header("type", "call").POST(HttpRequest.BodyPublishers.ofString(example("call-inbound-answered").toString())));
        assertEquals(404, response.statusCode(), response.body());
        assertNothingStored();
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void shouldAnswer415ForABodyThatIsNotJson(String contentType) throws Exception {
        HttpResponse<String> response = rig.engine().send(rig.engine().request("/events/call").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(example("call-inbound-answered").put("callId", "415").toString())));
        assertEquals(415, response.statusCode(), response.body());
        assertNothingStored();
    }

    @Test
    void shouldAcceptJsonWithACharsetParameter() throws Exception {
        HttpResponse<String> response = rig.engine().send(rig.engine().request("/events/call")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(example("call-inbound-answered").put("callId", "charset").toString())));
        assertEquals(202, response.statusCode(), response.body());
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() throws Exception {
        ObjectNode event = example("conversation-closed").put("conversationId", "too-big");
        ((ObjectNode) event.withArray("messages").get(0)).put("text", "x".repeat(BODY_LIMIT + 1));
        HttpResponse<String> response = rig.engine().postEvent("conversation-closed", event.toString());
        assertEquals(413, response.statusCode(), response.body());
        // issue 10: answered as JSON like every other refusal
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("payload_too_large", body(response).path("error").asText(), response.body());
        assertEquals("the body is larger than the " + BODY_LIMIT + " bytes allowed (SWITCHBOARD_MAX_BODY_BYTES)",
                body(response).path("message").asText());
        assertNothingStored();
    }

    @Test
    void shouldNeverSendTheRequestHeadersBack() throws Exception {
        HttpResponse<String> response = rig.engine().send(jsonPost("call", example("call-inbound-answered").put("callId", "echo").toString())
                .header("Idempotency-Key", "echo-key").header("X-Custom", "custom-value"));
        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Authorization").isEmpty(), response.headers().toString());
        assertTrue(response.headers().firstValue("Idempotency-Key").isEmpty(), response.headers().toString());
        assertTrue(response.headers().firstValue("X-Custom").isEmpty(), response.headers().toString());
        assertFalse(response.headers().toString().contains(RunningEngine.TOKEN));
    }

    /** One broken variant of an example and the problem it must be reported with. */
    record Variant(String name, String type, String example, Consumer<ObjectNode> change, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ObjectNode at(ObjectNode event, String arrayField, int index) {
        return (ObjectNode) event.withArray(arrayField).get(index);
    }

    private static ObjectNode attachment(ObjectNode event) {
        return (ObjectNode) at(event, "messages", 2).withArray("attachments").get(0);
    }

    static Stream<Variant> brokenEvents() {
        String timestamp = "must be an ISO-8601 timestamp with zone, e.g. 2026-11-20T10:01:07Z";
        return Stream.of(
                new Variant("message without zone", "conversation-closed", "conversation-closed",
                        e -> at(e, "messages", 2).put("sentAt", "2026-11-20T10:04:12"), "messages[2].sentAt", timestamp),
                new Variant("message date not ISO", "conversation-closed", "conversation-closed",
                        e -> at(e, "messages", 0).put("sentAt", "20/11/2026 10:01"), "messages[0].sentAt", timestamp),
                new Variant("no messages", "conversation-closed", "conversation-closed",
                        e -> e.putArray("messages"), "messages", "must hold at least one element"),
                new Variant("messages not an array", "conversation-closed", "conversation-closed",
                        e -> e.put("messages", "hello"), "messages", "must be an array"),
                new Variant("message missing id", "conversation-closed", "conversation-closed",
                        e -> at(e, "messages", 1).remove("id"), "messages[1].id", "is required"),
                new Variant("message missing text", "conversation-closed", "conversation-closed",
                        e -> at(e, "messages", 3).remove("text"), "messages[3].text", "is required"),
                new Variant("unknown direction", "conversation-closed", "conversation-closed",
                        e -> at(e, "messages", 1).put("direction", "sideways"), "messages[1].direction",
                        "must be one of inbound, outbound"),
                new Variant("agent email implausible", "conversation-closed", "conversation-closed",
                        e -> ((ObjectNode) e.get("agent")).put("email", "agent.demo"), "agent.email",
                        "must be an email address, e.g. agent@example.com"),
                new Variant("no agent", "conversation-closed", "conversation-closed",
                        e -> e.remove("agent"), "agent", "is required"),
                new Variant("customer phone a number", "conversation-closed", "conversation-closed",
                        e -> ((ObjectNode) e.get("customer")).put("phone", 393331234567L), "customer.phone", "must be a string"),
                new Variant("customer phone with a query injection", "conversation-closed", "conversation-closed",
                        e -> ((ObjectNode) e.get("customer")).put("phone", "+39' OR Phone != '"), "customer.phone",
                        "must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567"),
                new Variant("caller number with search operators", "call", "call-inbound-answered",
                        e -> e.put("callerNumber", "333* OR {x}"), "callerNumber",
                        "must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567"),
                new Variant("client phone with a backslash", "case-acknowledged", "case-acknowledged",
                        e -> ((ObjectNode) e.get("client")).put("phone", "312\\555"), "client.phone",
                        "must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567"),
                new Variant("agent email with spaces for an injection", "conversation-closed", "conversation-closed",
                        e -> ((ObjectNode) e.get("agent")).put("email", "a' OR Email != 'b@example.com"), "agent.email",
                        "must be an email address, e.g. agent@example.com"),
                new Variant("no channel", "conversation-closed", "conversation-closed",
                        e -> e.putNull("channel"), "channel", "is required"),
                new Variant("blank conversation id", "conversation-closed", "conversation-closed",
                        e -> e.put("conversationId", "  "), "conversationId", "must not be blank"),
                new Variant("attachment without content", "conversation-closed", "conversation-closed",
                        e -> attachment(e).without(List.of("url", "dataBase64")), "messages[2].attachments[0].url",
                        "is required when dataBase64 is absent"),
                new Variant("attachment with broken base64", "conversation-closed", "conversation-closed",
                        e -> attachment(e).put("dataBase64", "not*base64!"), "messages[2].attachments[0].dataBase64",
                        "must be base64-encoded content"),
                new Variant("attachment without file name", "conversation-closed", "conversation-closed",
                        e -> attachment(e).remove("fileName"), "messages[2].attachments[0].fileName", "is required"),
                new Variant("call id a number", "call", "call-inbound-answered",
                        e -> e.put("callId", 1763633200.42), "callId", "must be a string"),
                new Variant("inbound call without caller", "call", "call-inbound-answered",
                        e -> e.remove("callerNumber"), "callerNumber", "is required"),
                new Variant("outbound call without destination", "call", "call-outbound-answered",
                        e -> e.remove("destinationNumber"), "destinationNumber", "is required"),
                new Variant("call without start", "call", "call-outbound-answered",
                        e -> e.remove("startedAt"), "startedAt", "is required"),
                new Variant("negative duration", "call", "call-inbound-answered",
                        e -> e.put("durationSeconds", -3), "durationSeconds", "must be a whole number, 0 or more"),
                new Variant("variables nested", "call", "call-inbound-answered",
                        e -> ((ObjectNode) e.get("variables")).putObject("campaign"), "variables.campaign",
                        "must be a string, number or boolean"),
                new Variant("referral without change time", "referral-status-changed", "referral-status-changed",
                        e -> e.remove("changedAt"), "changedAt", "is required"),
                new Variant("referral with a bad record id", "referral-status-changed", "referral-status-changed",
                        e -> e.put("salesforceRecordId", "a01-bad"), "salesforceRecordId",
                        "must be a Salesforce record id: 15 or 18 letters and digits"),
                new Variant("case date not yyyy-MM-dd", "case-acknowledged", "case-acknowledged",
                        e -> e.put("incidentDate", "02/10/2026"), "incidentDate", "must be a date as yyyy-MM-dd, e.g. 2026-10-02"),
                new Variant("client email implausible", "case-acknowledged", "case-acknowledged",
                        e -> ((ObjectNode) e.get("client")).put("email", "dana at example"), "client.email",
                        "must be an email address, e.g. agent@example.com"),
                new Variant("case without source", "case-acknowledged", "case-acknowledged",
                        e -> e.remove("source"), "source", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void shouldRefuseABrokenEventNamingTheFieldAndStoreNothing(Variant variant) throws Exception {
        ObjectNode event = example(variant.example());
        variant.change().accept(event);
        HttpResponse<String> response = rig.engine().postEvent(variant.type(), event.toString());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode answer = body(response);
        assertEquals("invalid_event", answer.path("error").asText());
        ArrayNode expected = JSON.createArrayNode();
        expected.addObject().put("field", variant.field()).put("message", variant.message());
        assertEquals(expected, answer.path("problems"), response.body());
        assertNothingStored();
    }

    @Test
    void shouldReportEveryProblemOfAnEventAtOnce() throws Exception {
        ObjectNode event = example("conversation-closed");
        event.remove("source");
        event.put("closedAt", "yesterday");
        at(event, "messages", 0).put("direction", "in");
        at(event, "messages", 3).put("sentAt", 5);
        HttpResponse<String> response = rig.engine().postEvent("conversation-closed", event.toString());
        assertEquals(400, response.statusCode());
        List<String> fields = new ArrayList<>();
        body(response).path("problems").forEach(problem -> fields.add(problem.path("field").asText()));
        assertEquals(List.of("source", "closedAt", "messages[0].direction", "messages[3].sentAt"), fields);
        assertNothingStored();
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {"{\"source\": \"witiop\",", "[]", "\"text\"", "{} {}", ""})
    void shouldRefuseABodyThatIsNotOneJsonObject(String body) throws Exception {
        HttpResponse<String> response = rig.engine().postEvent("conversation-closed", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body", body(response).path("problems").get(0).path("field").asText(), response.body());
        assertNothingStored();
    }

    @Test
    void shouldIgnoreUnknownFieldsAndKeepThemInTheStoredEvent() throws Exception {
        ObjectNode event = example("referral-status-changed").put("referralId", "CX-extra").put("platformVersion", "7.2");
        assertEquals(202, rig.engine().postEvent("referral-status-changed", event.toString()).statusCode());
    }

    @Test
    void shouldRefuseAnIdempotencyKeyItCannotUse() throws Exception {
        HttpResponse<String> response = rig.engine().send(jsonPost("call", example("call-inbound-answered").put("callId", "key").toString())
                .header("Idempotency-Key", "k".repeat(256)));
        assertEquals(400, response.statusCode());
        assertEquals("Idempotency-Key", body(response).path("problems").get(0).path("field").asText());
        assertNothingStored();
    }
}
