package io.switchboard.emulator.composite;

import static io.switchboard.emulator.composite.Requests.json;
import static io.switchboard.emulator.composite.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeRequestTest {
    private static final String HALTED = "{'errorCode':'PROCESSING_HALTED','message':'The transaction was rolled "
            + "back since another operation in the same transaction failed.'}";

    private final FakeOrg org = new FakeOrg();
    private final CountingUsage usage = new CountingUsage();
    private final CompositeHandler handler = new CompositeHandler(org, org, usage);

    private JsonNode composite(String body) {
        ApiResponse response = handler.handle(post("/composite", body), "60.0");
        assertEquals(200, response.status());
        return (JsonNode) response.body();
    }

    @Test
    void shouldCreateContactUnderAccountCreatedInTheSameRequest() {
        JsonNode answer = composite("{'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'refAccount',"
                + "'body':{'Name':'Acme'}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Contact','referenceId':'refContact',"
                + "'body':{'LastName':'Rossi','AccountId':'@{refAccount.id}'}}]}");

        String accountId = org.recordsOf("Account").get(0).get("Id").asText();
        String contactId = org.recordsOf("Contact").get(0).get("Id").asText();
        assertEquals(json("{'compositeResponse':["
                + "{'body':{'id':'" + accountId + "','success':true,'errors':[]},"
                + "'httpHeaders':{'Location':'/services/data/v60.0/sobjects/Account/" + accountId + "'},"
                + "'httpStatusCode':201,'referenceId':'refAccount'},"
                + "{'body':{'id':'" + contactId + "','success':true,'errors':[]},"
                + "'httpHeaders':{'Location':'/services/data/v60.0/sobjects/Contact/" + contactId + "'},"
                + "'httpStatusCode':201,'referenceId':'refContact'}]}"), answer);
        assertEquals(accountId, org.recordsOf("Contact").get(0).get("AccountId").asText());
    }

    @Test
    void shouldResolveReferenceToFirstQueryRecordInUrl() {
        String caseId = org.seed("Case", (ObjectNode) json("{'Subject':'+39 333 [conv-1]'}"));
        JsonNode answer = composite("{'compositeRequest':["
                + "{'method':'GET','url':'/services/data/v60.0/query?q=SELECT+Id+FROM+Case+WHERE+Subject+%3D+"
                + "%27%2B39+333+%5Bconv-1%5D%27','referenceId':'found'},"
                + "{'method':'PATCH','url':'/services/data/v60.0/sobjects/Case/@{found.records[0].Id}',"
                + "'referenceId':'touch','body':{'Status':'Working'}}]}");

        assertEquals(204, answer.at("/compositeResponse/1/httpStatusCode").asInt());
        assertEquals("/sobjects/Case/" + caseId, org.received().get(1).path());
        assertEquals("Working", org.byId(caseId).orElseThrow().get("Status").asText());
    }

    @Test
    void shouldKeepTheTypeOfAWholeValueReferenceInBodies() {
        org.seed("Account", (ObjectNode) json("{'Name':'Acme','NumberOfEmployees':12}"));
        composite("{'compositeRequest':["
                + "{'method':'GET','url':'/services/data/v60.0/query?q=SELECT Id, NumberOfEmployees FROM Account',"
                + "'referenceId':'acme'},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'copy',"
                + "'body':{'Name':'Copy of @{acme.records[0].Id}','NumberOfEmployees':'@{acme.records[0].NumberOfEmployees}'}}]}");

        ObjectNode copy = org.recordsOf("Account").get(1);
        assertTrue(copy.get("NumberOfEmployees").isInt());
        assertEquals("Copy of " + org.recordsOf("Account").get(0).get("Id").asText(), copy.get("Name").asText());
    }

    @Test
    void shouldRollBackEverythingAndHaltTheOthersWhenAllOrNoneFails() {
        JsonNode answer = composite("{'allOrNone':true,'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'a','body':{'Name':'Acme'}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Contact','referenceId':'c',"
                + "'body':{'LastName':'Rossi','Email':'not-an-address','AccountId':'@{a.id}'}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'b','body':{'Name':'Other'}}]}");

        assertEquals(json("{'compositeResponse':["
                + "{'body':[" + HALTED + "],'httpHeaders':{},'httpStatusCode':400,'referenceId':'a'},"
                + "{'body':[{'message':'Email: invalid email address: not-an-address','errorCode':'INVALID_EMAIL_ADDRESS',"
                + "'fields':['Email']}],'httpHeaders':{},'httpStatusCode':400,'referenceId':'c'},"
                + "{'body':[" + HALTED + "],'httpHeaders':{},'httpStatusCode':400,'referenceId':'b'}]}"), answer);
        assertEquals(0, org.size());
        assertEquals(2, org.received().size());
    }

    @Test
    void shouldKeepSuccessfulSubrequestsAndHaltOnlyDependentsWhenNotAllOrNone() {
        JsonNode answer = composite("{'allOrNone':false,'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'bad','body':{}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Contact','referenceId':'dependent',"
                + "'body':{'LastName':'Rossi','AccountId':'@{bad.id}'}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'good','body':{'Name':'Acme'}}]}");

        assertEquals(json("[{'message':'Required fields are missing: [Name]','errorCode':'REQUIRED_FIELD_MISSING',"
                + "'fields':['Name']}]"), answer.at("/compositeResponse/0/body"));
        assertEquals(json("[{'message':'Invalid reference specified. No value for bad.id found in bad.',"
                + "'errorCode':'PROCESSING_HALTED'}]"), answer.at("/compositeResponse/1/body"));
        assertEquals(400, answer.at("/compositeResponse/1/httpStatusCode").asInt());
        assertEquals(201, answer.at("/compositeResponse/2/httpStatusCode").asInt());
        assertEquals(1, org.recordsOf("Account").size());
        assertEquals(0, org.recordsOf("Contact").size());
    }

    @Test
    void shouldHaltSubrequestReferringForwardOrWithWrongCase() {
        JsonNode answer = composite("{'compositeRequest':["
                + "{'method':'GET','url':'/services/data/v60.0/sobjects/Account/@{later.id}','referenceId':'early'},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'later','body':{'Name':'A'}},"
                + "{'method':'GET','url':'/services/data/v60.0/sobjects/Account/@{later.Id}','referenceId':'wrongCase'}]}");

        assertEquals("Invalid reference specified. No value for later.id found in later.",
                answer.at("/compositeResponse/0/body/0/message").asText());
        assertEquals("Invalid reference specified. No value for later.Id found in later.",
                answer.at("/compositeResponse/2/body/0/message").asText());
    }

    @Test
    void shouldSendSubrequestsAsTheOuterUserWithPathsRelativeToTheVersion() {
        composite("{'compositeRequest':[{'method':'POST','url':'/services/data/v60.0/sobjects/Account',"
                + "'referenceId':'a','body':{'Name':'Acme'},'httpHeaders':{'Sforce-Auto-Assign':'FALSE'}}]}");

        ApiRequest sent = org.received().get(0);
        assertEquals("/sobjects/Account", sent.path());
        assertEquals(Requests.USER, sent.userId());
        assertEquals("FALSE", sent.headers().get("sforce-auto-assign"));
        assertEquals(0, usage.used());
    }

    @Test
    void shouldAnswerNotFoundForAnotherVersionOrAPathOutsideTheDataApi() {
        JsonNode answer = composite("{'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v59.0/sobjects/Account','referenceId':'old','body':{'Name':'A'}},"
                + "{'method':'GET','url':'/services/apexrest/thing','referenceId':'apex'}]}");

        JsonNode notFound = json("[{'message':'The requested resource does not exist','errorCode':'NOT_FOUND'}]");
        assertEquals(notFound, answer.at("/compositeResponse/0/body"));
        assertEquals(404, answer.at("/compositeResponse/0/httpStatusCode").asInt());
        assertEquals(notFound, answer.at("/compositeResponse/1/body"));
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseMoreThan25Subrequests() {
        StringBuilder subrequests = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            subrequests.append(i == 0 ? "" : ",").append("{'method':'POST','url':'/services/data/v60.0/sobjects/Account',"
                    + "'referenceId':'r").append(i).append("','body':{'Name':'A'}}");
        }
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> handler.handle(post("/composite", "{'compositeRequest':[" + subrequests + "]}"), "60.0"));

        assertEquals(400, refused.status());
        assertEquals("LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("The composite request has 26 subrequests; the limit is 25", refused.getMessage());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseMoreThanFiveQueriesOrCollections() {
        StringBuilder subrequests = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            subrequests.append("{'method':'GET','url':'/services/data/v60.0/query?q=SELECT Id FROM Account',"
                    + "'referenceId':'q").append(i).append("'},");
        }
        subrequests.append("{'method':'POST','url':'/services/data/v60.0/composite/sobjects','referenceId':'c',"
                + "'body':{'records':[]}}");
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> handler.handle(post("/composite", "{'compositeRequest':[" + subrequests + "]}"), "60.0"));

        assertEquals("LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("The composite request has 6 query or sObject Collections subrequests; the limit is 5",
                refused.getMessage());
        assertTrue(org.received().isEmpty());
    }

    @Test
    void shouldRefuseReferenceIdWithIllegalCharacters() {
        SalesforceError refused = assertThrows(SalesforceError.class, () -> handler.handle(post("/composite",
                "{'compositeRequest':[{'method':'GET','url':'/services/data/v60.0/sobjects/Account/x',"
                        + "'referenceId':'ref[1]'}]}"), "60.0"));

        assertEquals("JSON_PARSER_ERROR", refused.errorCode());
        assertEquals("Provided referenceId ('ref[1]') must start with a letter or a number, and it can contain "
                + "only letters, numbers and underscores ('_').", refused.getMessage());
    }

    @Test
    void shouldRefuseDuplicateReferenceIdsAndUnknownProperties() {
        String twice = "{'method':'GET','url':'/services/data/v60.0/sobjects/Account/x','referenceId':'same'}";
        SalesforceError duplicate = assertThrows(SalesforceError.class, () -> handler.handle(
                post("/composite", "{'compositeRequest':[" + twice + "," + twice + "]}"), "60.0"));
        SalesforceError misspelt = assertThrows(SalesforceError.class, () -> handler.handle(
                post("/composite", "{'allOrNon':true,'compositeRequest':[]}"), "60.0"));

        assertEquals("JSON_PARSER_ERROR", duplicate.errorCode());
        assertEquals("Unrecognized field \"allOrNon\"", misspelt.getMessage());
        assertEquals("JSON_PARSER_ERROR", misspelt.errorCode());
    }

    @Test
    void shouldRefuseWrongMethodAndMissingBody() {
        SalesforceError put = assertThrows(SalesforceError.class, () -> handler.handle(
                Requests.request("PUT", "/composite", Map.of(), json("{}")), "60.0"));
        SalesforceError empty = assertThrows(SalesforceError.class, () -> handler.handle(
                Requests.request("POST", "/composite", Map.of(), null), "60.0"));

        assertEquals(405, put.status());
        assertEquals("METHOD_NOT_ALLOWED", put.errorCode());
        assertEquals("HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,POST", put.getMessage());
        assertEquals(400, empty.status());
        assertEquals("JSON_PARSER_ERROR", empty.errorCode());
    }

    @Test
    void shouldListTheCompositeResources() {
        ApiResponse response = handler.handle(Requests.request("GET", "/composite", Map.of(), null), "60.0");

        assertEquals(json("{'tree':'/services/data/v60.0/composite/tree','batch':'/services/data/v60.0/composite/batch',"
                + "'sobjects':'/services/data/v60.0/composite/sobjects','graph':'/services/data/v60.0/composite/graph'}"),
                response.body());
    }

    @Test
    void shouldFailTheWholeUnitWhenACollectionInsideAnAllOrNoneCompositePartlyFails() {
        JsonNode answer = composite("{'allOrNone':true,'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/composite/sobjects','referenceId':'accounts',"
                + "'body':{'allOrNone':false,'records':[{'attributes':{'type':'Account'},'Name':'Acme'},"
                + "{'attributes':{'type':'Account'}}]}},"
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Contact','referenceId':'c','body':{'LastName':'R'}}]}");

        assertEquals(200, answer.at("/compositeResponse/0/httpStatusCode").asInt());
        assertTrue(answer.at("/compositeResponse/0/body/0/success").asBoolean());
        assertEquals(json("[" + HALTED + "]"), answer.at("/compositeResponse/1/body"));
        assertEquals(0, org.size());
    }

    @Test
    void shouldResolveReferencesInsideTheRecordsOfACollectionSubrequestAndKeepTheirOrder() {
        JsonNode answer = composite("{'allOrNone':true,'compositeRequest':["
                + "{'method':'POST','url':'/services/data/v60.0/sobjects/Account','referenceId':'refAccount',"
                + "'body':{'Name':'Acme'}},"
                + "{'method':'POST','url':'/services/data/v60.0/composite/sobjects','referenceId':'contacts',"
                + "'body':{'allOrNone':true,'records':["
                + "{'attributes':{'type':'Contact'},'LastName':'First','AccountId':'@{refAccount.id}'},"
                + "{'attributes':{'type':'Contact'},'LastName':'Second','AccountId':'@{refAccount.id}'}]}}]}");

        String accountId = org.recordsOf("Account").get(0).get("Id").asText();
        assertEquals(200, answer.at("/compositeResponse/1/httpStatusCode").asInt());
        assertEquals(org.recordsOf("Contact").get(0).get("Id").asText(), answer.at("/compositeResponse/1/body/0/id").asText());
        assertEquals("First", org.recordsOf("Contact").get(0).get("LastName").asText());
        assertEquals("Second", org.recordsOf("Contact").get(1).get("LastName").asText());
        org.recordsOf("Contact").forEach(contact -> assertEquals(accountId, contact.get("AccountId").asText()));
    }
}
