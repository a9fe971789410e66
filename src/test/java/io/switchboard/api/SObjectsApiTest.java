package io.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Engine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic operations API over real HTTP, loaded from routes/, writing to the emulator through camel-salesforce. */
class SObjectsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "test-token-7f3a";
    private static SalesforceEmulator emulator;
    private static Engine engine;
    private static int port;

    record Answer(int status, JsonNode json) {
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("switchboard-api-test");
        Map<String, String> env = Map.of("SWITCHBOARD_PORT", String.valueOf(port), "SWITCHBOARD_API_TOKEN", TOKEN,
                "SWITCHBOARD_DATA_DIR", dataDir.toString(), "SF_LOGIN_URL", emulator.baseUrl(),
                "SF_CLIENT_ID", SeededOrg.CLIENT_ID, "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        engine = Engine.start(Configuration.load(Path.of("config"), env::get));
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
    }

    private static Answer call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private static Answer call(String method, String path, String body) throws Exception {
        return call(method, path, body, TOKEN);
    }

    @Test
    void shouldListObjectsAvailableForMapping() throws Exception {
        Answer answer = call("GET", "/api/describe", null);
        assertEquals(200, answer.status());
        JsonNode referral = StreamSupport.stream(answer.json().spliterator(), false)
                .filter(o -> o.path("name").asText().equals("Referral__c")).findFirst().orElseThrow();
        assertTrue(referral.path("custom").asBoolean());
    }

    @Test
    void shouldDescribeFieldsWithPicklistValues() throws Exception {
        Answer answer = call("GET", "/api/describe/Case", null);
        assertEquals(200, answer.status());
        JsonNode status = StreamSupport.stream(answer.json().path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals("Status")).findFirst().orElseThrow();
        assertEquals("picklist", status.path("type").asText());
        assertEquals(List.of("New", "Working", "Escalated", "Closed"),
                StreamSupport.stream(status.path("picklistValues").spliterator(), false).map(JsonNode::asText).toList());
    }

    @Test
    void shouldCreateAnyRecord() throws Exception {
        Answer answer = call("POST", "/api/sobjects/Account", "{\"Name\":\"Acme Logistics\"}");
        assertEquals(201, answer.status(), String.valueOf(answer.json()));
        String id = answer.json().path("id").asText();
        assertTrue(id.startsWith("001") && id.length() == 18, id);
        assertTrue(emulator.admin().records("Account").stream().anyMatch(r -> id.equals(r.get("Id"))
                && "Acme Logistics".equals(r.get("Name"))));
    }

    @Test
    void shouldPassSalesforcesRefusalThroughAndStoreNothing() throws Exception {
        int casesBefore = emulator.admin().records("Case").size();
        Answer answer = call("POST", "/api/sobjects/Case", "{\"Status\":\"Teleported\"}");
        assertEquals(400, answer.status());
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", answer.json().path("errorCode").asText());
        assertEquals("Status: bad value for restricted picklist field: Teleported", answer.json().path("message").asText());
        assertEquals(casesBefore, emulator.admin().records("Case").size());
    }

    @Test
    void shouldGetARecordByCaseNumber() throws Exception {
        Answer answer = call("GET", "/api/sobjects/Case/CaseNumber/" + SeededOrg.SEEDED_CASE_NUMBER + "?fields=Subject,Status", null);
        assertEquals(200, answer.status(), String.valueOf(answer.json()));
        assertEquals(SeededOrg.SEEDED_CASE_ID, answer.json().path("Id").asText());
        assertTrue(answer.json().has("Status"));
    }

    @Test
    void shouldAcceptRelationshipPathsButNothingElseWithADotInFields() throws Exception {
        Answer path = call("GET", "/api/sobjects/Case/CaseNumber/" + SeededOrg.SEEDED_CASE_NUMBER + "?fields=Owner.Name", null);
        assertEquals(200, path.status(), String.valueOf(path.json()));
        for (String injected : List.of("Id%20FROM%20User%20WHERE%20Name%20!%3D%20'x'%20OR%20Owner.Name", "Owner.Name)", "a.b.",
                "Owner..Name", ".Name")) {
            Answer refused = call("GET", "/api/sobjects/Case/CaseNumber/" + SeededOrg.SEEDED_CASE_NUMBER
                    + "?fields=" + injected, null);
            assertEquals(400, refused.status(), injected + ": " + refused.json());
            assertTrue(refused.json().path("message").asText().startsWith("fields: '"), refused.json().toString());
        }
    }

    @Test
    void shouldRefuseALookupByAFieldThatIsNotUnique() throws Exception {
        Answer answer = call("GET", "/api/sobjects/Contact/LastName/Conti", null);
        assertEquals(400, answer.status());
        assertTrue(answer.json().path("message").asText().contains("'LastName' on Contact is not unique"));
    }

    @Test
    void shouldFindNothingWhenTheValueCarriesAQueryInjection() throws Exception {
        String value = URLEncoder.encode("x' OR Name != 'y", StandardCharsets.UTF_8).replace("+", "%20");
        Answer answer = call("GET", "/api/sobjects/Referral__c/CX_Id__c/" + value, null);
        assertEquals(404, answer.status(), String.valueOf(answer.json()));
    }

    @Test
    void shouldUpdateARecordAndRefuseAuditFieldsOnUpdate() throws Exception {
        Answer updated = call("PATCH", "/api/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID, "{\"Status\":\"Working\"}");
        assertEquals(204, updated.status());
        assertEquals("Working", emulator.admin().records("Case").stream()
                .filter(r -> SeededOrg.SEEDED_CASE_ID.equals(r.get("Id"))).findFirst().orElseThrow().get("Status"));

        Answer refused = call("PATCH", "/api/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID,
                "{\"CreatedDate\":\"2026-01-01T00:00:00.000+0000\"}");
        assertEquals(400, refused.status());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", refused.json().path("errorCode").asText());
        assertEquals("CreatedDate", refused.json().path("fields").path(0).asText());
    }

    @Test
    void shouldRefuseMissingOrWrongTokens() throws Exception {
        assertEquals(401, call("GET", "/api/describe", null, null).status());
        Answer wrong = call("GET", "/api/describe", null, "not-the-token");
        assertEquals(401, wrong.status());
        assertEquals("unauthorized", wrong.json().path("error").asText());
    }

    @Test
    void shouldNameABadObjectNameOrBody() throws Exception {
        Answer badName = call("POST", "/api/sobjects/Case%3BDROP", "{}");
        assertEquals(400, badName.status());
        assertTrue(badName.json().path("message").asText().startsWith("sobject: expected an API name"), badName.json().toString());
        Answer badBody = call("POST", "/api/sobjects/Account", "[1,2]");
        assertEquals(400, badBody.status());
        assertEquals("body: expected a JSON object of Salesforce fields", badBody.json().path("message").asText());
        int accounts = emulator.admin().records("Account").size();
        Answer twice = call("POST", "/api/sobjects/Account", "{\"Name\":\"First\",\"Name\":\"Second\"}");
        assertEquals(400, twice.status());
        assertTrue(twice.json().path("message").asText().contains("Duplicate field 'Name'"), twice.json().toString());
        assertEquals(accounts, emulator.admin().records("Account").size());
    }
}
