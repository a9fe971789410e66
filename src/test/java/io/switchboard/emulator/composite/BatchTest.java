package io.switchboard.emulator.composite;

import static io.switchboard.emulator.composite.Requests.json;
import static io.switchboard.emulator.composite.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final FakeOrg org = new FakeOrg();
    private final CountingUsage usage = new CountingUsage();
    private final CompositeHandler handler = new CompositeHandler(org, org, usage);

    private JsonNode batch(String body) {
        ApiResponse response = handler.handle(post("/composite/batch", body), "60.0");
        assertEquals(200, response.status());
        return (JsonNode) response.body();
    }

    @Test
    void shouldRunIndependentSubrequestsAndAnswerEachResult() {
        String acme = org.seed("Account", (ObjectNode) json("{'Name':'Acme'}"));
        JsonNode answer = batch("{'batchRequests':["
                + "{'method':'PATCH','url':'v60.0/sobjects/Account/" + acme + "','richInput':{'Name':'Acme Ltd'}},"
                + "{'method':'GET','url':'v60.0/sobjects/Account/" + acme + "?fields=Name'}]}");

        assertEquals(json("{'hasErrors':false,'results':[{'statusCode':204,'result':null},"
                + "{'statusCode':200,'result':{'attributes':{'type':'Account'},'Name':'Acme Ltd'}}]}"), answer);
        assertEquals(Requests.USER, org.received().get(0).userId());
    }

    @Test
    void shouldCountEverySubrequestAsAnApiCall() {
        batch("{'batchRequests':["
                + "{'method':'GET','url':'v60.0/query/?q=SELECT Id FROM Account'},"
                + "{'method':'GET','url':'v60.0/query/?q=SELECT Id FROM Contact'},"
                + "{'method':'GET','url':'v60.0/query/?q=SELECT Id FROM Case'}]}");

        // the HTTP layer has counted the batch itself as the first of the three
        assertEquals(2, usage.used());
    }

    @Test
    void shouldContinueAfterAFailureWithoutHaltOnError() {
        JsonNode answer = batch("{'batchRequests':["
                + "{'method':'POST','url':'v60.0/sobjects/Account','richInput':{}},"
                + "{'method':'POST','url':'v60.0/sobjects/Account','richInput':{'Name':'Acme'}}]}");

        assertEquals(json("{'statusCode':400,'result':[{'message':'Required fields are missing: [Name]',"
                + "'errorCode':'REQUIRED_FIELD_MISSING','fields':['Name']}]}"), answer.at("/results/0"));
        assertEquals(201, answer.at("/results/1/statusCode").asInt());
        assertEquals(true, answer.get("hasErrors").asBoolean());
        assertEquals(1, org.size());
        assertEquals(1, usage.used());
    }

    @Test
    void shouldHaltTheRestAfterAFailureWithHaltOnError() {
        JsonNode answer = batch("{'haltOnError':true,'batchRequests':["
                + "{'method':'POST','url':'v60.0/sobjects/Account','richInput':{'Name':'Kept'}},"
                + "{'method':'POST','url':'v60.0/sobjects/Account','richInput':{}},"
                + "{'method':'POST','url':'v60.0/sobjects/Account','richInput':{'Name':'Never'}}]}");

        assertEquals(json("{'statusCode':412,'result':[{'message':'Batch processing halted per request',"
                + "'errorCode':'BATCH_PROCESSING_HALTED'}]}"), answer.at("/results/2"));
        assertEquals(1, org.size());
        assertEquals("Kept", org.recordsOf("Account").get(0).get("Name").asText());
        assertEquals(1, usage.used());
    }

    @Test
    void shouldAnswerNotFoundForAnotherVersionAndForCompositeResources() {
        JsonNode answer = batch("{'batchRequests':["
                + "{'method':'GET','url':'v58.0/query/?q=SELECT Id FROM Account'},"
                + "{'method':'POST','url':'v60.0/composite/sobjects','richInput':{'records':[]}}]}");

        assertEquals(404, answer.at("/results/0/statusCode").asInt());
        assertEquals("NOT_FOUND", answer.at("/results/1/result/0/errorCode").asText());
        assertEquals(0, org.received().size());
    }

    @Test
    void shouldRefuseMoreThan25Subrequests() {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            requests.append(i == 0 ? "" : ",").append("{'method':'GET','url':'v60.0/limits'}");
        }
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> handler.handle(post("/composite/batch", "{'batchRequests':[" + requests + "]}"), "60.0"));

        assertEquals("LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("The batch has 26 subrequests; the limit is 25", refused.getMessage());
        assertEquals(0, usage.used());
    }

    @Test
    void shouldRefuseWrongMethod() {
        SalesforceError refused = assertThrows(SalesforceError.class, () -> handler.handle(
                Requests.request("GET", "/composite/batch", Map.of(), null), "60.0"));

        assertEquals(405, refused.status());
        assertEquals("HTTP Method 'GET' not allowed. Allowed are POST", refused.getMessage());
    }
}
