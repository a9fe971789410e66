package io.switchboard.emulator.composite;

import static io.switchboard.emulator.composite.Requests.json;
import static io.switchboard.emulator.composite.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import org.junit.jupiter.api.Test;

class GraphTest {
    private final FakeOrg org = new FakeOrg();
    private final CountingUsage usage = new CountingUsage();
    private final CompositeHandler handler = new CompositeHandler(org, org, usage);

    private static String accountAndContact(String graphId, String contactEmail) {
        return "{'graphId':'" + graphId + "','compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'account',"
                + "'body':{'Name':'Account " + graphId + "'}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Contact','referenceId':'contact',"
                + "'body':{'LastName':'Rossi','Email':'" + contactEmail + "','AccountId':'@{account.id}'}}]}";
    }

    @Test
    void shouldKeepTheSuccessfulGraphWhenAnotherFails() {
        ApiResponse response = handler.handle(post("/composite/graph", "{'graphs':["
                + accountAndContact("good", "mario@example.com") + "," + accountAndContact("bad", "nope") + "]}"),
                "60.0");

        JsonNode answer = (JsonNode) response.body();
        assertEquals(200, response.status());
        assertEquals("good", answer.at("/graphs/0/graphId").asText());
        assertTrue(answer.at("/graphs/0/isSuccessful").asBoolean());
        assertFalse(answer.at("/graphs/1/isSuccessful").asBoolean());
        assertEquals(json("{'body':[{'errorCode':'PROCESSING_HALTED','message':'The transaction was rolled back "
                + "since another operation in the same transaction failed.'}],'httpHeaders':{},'httpStatusCode':400,"
                + "'referenceId':'account'}"), answer.at("/graphs/1/graphResponse/compositeResponse/0"));
        assertEquals("INVALID_EMAIL_ADDRESS",
                answer.at("/graphs/1/graphResponse/compositeResponse/1/body/0/errorCode").asText());
        assertEquals(1, org.recordsOf("Account").size());
        assertEquals("Account good", org.recordsOf("Account").get(0).get("Name").asText());
        assertEquals(org.recordsOf("Account").get(0).get("Id").asText(),
                org.recordsOf("Contact").get(0).get("AccountId").asText());
        assertEquals(0, usage.used());
    }

    @Test
    void shouldNotLetAGraphReferToAnotherGraph() {
        ApiResponse response = handler.handle(post("/composite/graph", "{'graphs':["
                + "{'graphId':'one','compositeRequest':[{'method':'POST','url':'/services/data/v60.0/sobjects/Account',"
                + "'referenceId':'acme','body':{'Name':'Acme'}}]},"
                + "{'graphId':'two','compositeRequest':[{'method':'POST','url':'/services/data/v60.0/sobjects/Contact',"
                + "'referenceId':'c','body':{'LastName':'R','AccountId':'@{acme.id}'}}]}]}"), "60.0");

        JsonNode answer = (JsonNode) response.body();
        assertEquals("Invalid reference specified. No value for acme.id found in acme.",
                answer.at("/graphs/1/graphResponse/compositeResponse/0/body/0/message").asText());
        assertEquals(1, org.size());
    }

    @Test
    void shouldOnlyReachSObjectRows() {
        ApiResponse response = handler.handle(post("/composite/graph", "{'graphs':[{'graphId':'g','compositeRequest':["
                + "{'method':'GET','url':'/services/data/v60.0/query?q=SELECT Id FROM Account','referenceId':'q'}]}]}"),
                "60.0");

        assertEquals(404, ((JsonNode) response.body()).at("/graphs/0/graphResponse/compositeResponse/0/httpStatusCode")
                .asInt());
    }

    @Test
    void shouldRefuseMoreThan500Nodes() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            nodes.append(i == 0 ? "" : ",").append("{'method':'POST','url':'/services/data/v60.0/sobjects/Account',"
                    + "'referenceId':'n").append(i).append("','body':{'Name':'A'}}");
        }
        SalesforceError refused = assertThrows(SalesforceError.class, () -> handler.handle(post("/composite/graph",
                "{'graphs':[{'graphId':'big','compositeRequest':[" + nodes + "]}]}"), "60.0"));

        assertEquals("LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("Graph big has 501 nodes; the limit is 500", refused.getMessage());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseDuplicateGraphIds() {
        String graph = "{'graphId':'g','compositeRequest':[]}";
        SalesforceError refused = assertThrows(SalesforceError.class, () -> handler.handle(
                post("/composite/graph", "{'graphs':[" + graph + "," + graph + "]}"), "60.0"));

        assertEquals("JSON_PARSER_ERROR", refused.errorCode());
    }
}
