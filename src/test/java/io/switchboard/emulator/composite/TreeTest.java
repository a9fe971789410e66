package io.switchboard.emulator.composite;

import static io.switchboard.emulator.composite.Requests.json;
import static io.switchboard.emulator.composite.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import org.junit.jupiter.api.Test;

class TreeTest {
    private final FakeOrg org = new FakeOrg();
    private final CompositeHandler handler = new CompositeHandler(org, org, new CountingUsage());

    private ApiResponse tree(String type, String body) {
        return handler.handle(post("/composite/tree/" + type, body), "60.0");
    }

    @Test
    void shouldCreateParentsBeforeChildrenAndPointChildrenAtThem() {
        ApiResponse response = tree("Case", "{'records':["
                + "{'attributes':{'type':'Case','referenceId':'case1'},'Subject':'First',"
                + "'CaseComments':{'records':[{'attributes':{'type':'CaseComment','referenceId':'note1'},'CommentBody':'hi'}]}},"
                + "{'attributes':{'type':'Case','referenceId':'case2'},'Subject':'Second'}]}");

        String case1 = org.recordsOf("Case").get(0).get("Id").asText();
        String case2 = org.recordsOf("Case").get(1).get("Id").asText();
        String note = org.recordsOf("CaseComment").get(0).get("Id").asText();
        assertEquals(201, response.status());
        assertEquals(json("{'hasErrors':false,'results':[{'referenceId':'case1','id':'" + case1 + "'},"
                + "{'referenceId':'case2','id':'" + case2 + "'},{'referenceId':'note1','id':'" + note + "'}]}"),
                response.body());
        assertEquals(case1, org.recordsOf("CaseComment").get(0).get("ParentId").asText());
    }

    @Test
    void shouldCreateNothingWhenAChildFails() {
        ApiResponse response = tree("Account", "{'records':[{'attributes':{'type':'Account','referenceId':'acme'},"
                + "'Name':'Acme','Contacts':{'records':["
                + "{'attributes':{'type':'Contact','referenceId':'ok'},'LastName':'Rossi'},"
                + "{'attributes':{'type':'Contact','referenceId':'bad'},'LastName':'Bianchi','Email':'123'}]}}]}");

        assertEquals(400, response.status());
        assertEquals(json("{'hasErrors':true,'results':[{'referenceId':'bad','errors':[{'statusCode':"
                + "'INVALID_EMAIL_ADDRESS','message':'Email: invalid email address: 123','fields':['Email']}]}]}"),
                response.body());
        assertEquals(0, org.size());
    }

    @Test
    void shouldReportEachInstanceOfADuplicateReferenceIdWithoutWriting() {
        ApiResponse response = tree("Account", "{'records':["
                + "{'attributes':{'type':'Account','referenceId':'same'},'Name':'A'},"
                + "{'attributes':{'type':'Account','referenceId':'same'},'Name':'B'}]}");

        JsonNode duplicate = json("{'referenceId':'same','errors':[{'statusCode':'INVALID_INPUT',"
                + "'message':'Duplicate ReferenceId provided in the request','fields':[]}]}");
        assertEquals(400, response.status());
        assertEquals(json("{'hasErrors':true,'results':[" + duplicate + "," + duplicate + "]}"), response.body());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseAnUnknownChildRelationship() {
        ApiResponse response = tree("Case", "{'records':[{'attributes':{'type':'Case','referenceId':'c'},"
                + "'Comments':{'records':[{'attributes':{'type':'CaseComment','referenceId':'n'},'CommentBody':'x'}]}}]}");

        assertEquals(400, response.status());
        assertEquals("INVALID_FIELD", ((JsonNode) response.body()).at("/results/0/errors/0/statusCode").asText());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseMoreThan200Records() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            records.append(i == 0 ? "" : ",").append("{'attributes':{'type':'Account','referenceId':'a").append(i)
                    .append("'},'Name':'A'}");
        }
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> tree("Account", "{'records':[" + records + "]}"));

        assertEquals("EXCEEDED_ID_LIMIT", refused.errorCode());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseTreesDeeperThanFiveLevels() {
        String sixLevels = "{'attributes':{'type':'Account','referenceId':'l1'},'Name':'A','Contacts':{'records':["
                + "{'attributes':{'type':'Contact','referenceId':'l2'},'LastName':'B','Cases':{'records':["
                + "{'attributes':{'type':'Case','referenceId':'l3'},'CaseComments':{'records':["
                + "{'attributes':{'type':'CaseComment','referenceId':'l4'},'Tasks':{'records':["
                + "{'attributes':{'type':'Task','referenceId':'l5'},'Tasks':{'records':["
                + "{'attributes':{'type':'Task','referenceId':'l6'}}]}}]}}]}}]}}]}}";
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> tree("Account", "{'records':[" + sixLevels + "]}"));

        assertEquals("LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("The sObject tree is 6 levels deep; the limit is 5", refused.getMessage());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseRootsOfAnotherTypeThanTheUrlNames() {
        ApiResponse response = tree("Account", "{'records':[{'attributes':{'type':'Case','referenceId':'c'}}]}");

        assertEquals(400, response.status());
        assertEquals("INVALID_TYPE", ((JsonNode) response.body()).at("/results/0/errors/0/statusCode").asText());
    }
}
