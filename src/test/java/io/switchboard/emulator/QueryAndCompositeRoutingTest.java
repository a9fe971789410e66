package io.switchboard.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryAndCompositeRoutingTest {

    private static ObjectNode echo(String kind, String text, Object detail) {
        return JsonNodeFactory.instance.objectNode().put("kind", kind).put("text", text)
                .put("detail", String.valueOf(detail));
    }

    @Test
    void shouldRoutePluggedQueryAndCompositeEndpoints() {
        SalesforceEmulator.Builder builder = SalesforceEmulator.builder(EmulatorSettings.defaults().withPort(0))
                .queries(records -> new QueryEndpoints(
                        (soql, batchSize, version) -> echo("query", soql, batchSize),
                        (soql, batchSize, version) -> echo("queryAll", soql, batchSize),
                        (locator, version) -> echo("more", locator, version),
                        (sosl, version) -> echo("search", sosl, records.records("Contact").size())))
                .composite(services -> (request, version) -> {
                    ApiResponse inner = services.dispatcher().dispatch(new ApiRequest("GET",
                            "/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID, Map.of(), Map.of(), null, request.userId()));
                    return ApiResponse.of(200, Map.of("path", request.path(), "innerStatus", inner.status()));
                });
        try (SalesforceEmulator emulator = builder.start()) {
            EmulatorClient client = new EmulatorClient(emulator).login();

            assertEquals("query|SELECT Id FROM Case|2000", summary(client.get("/query?q=SELECT+Id+FROM+Case")));
            assertEquals("queryAll|SELECT Id FROM Case|2000", summary(client.get("/queryAll?q=SELECT+Id+FROM+Case")));
            assertEquals("more|01gLOCATOR-2000|60.0", summary(client.get("/query/01gLOCATOR-2000")));
            assertEquals("more|01gLOCATOR-2000|60.0", summary(client.get("/queryAll/01gLOCATOR-2000")));
            assertEquals("search|FIND {x}|2", summary(client.get("/search?q=FIND+%7Bx%7D")));
            Answer composite = client.post("/composite/sobjects", "{}");
            assertEquals("/composite/sobjects", composite.json().get("path").asText());
            assertEquals(200, composite.json().get("innerStatus").asInt());
            assertEquals(Long.valueOf(1), emulator.admin().counters().get("POST /composite/sobjects"));
        }
    }

    private static String summary(Answer answer) {
        return answer.json().get("kind").asText() + "|" + answer.json().get("text").asText() + "|"
                + answer.json().get("detail").asText();
    }
}
