package io.switchboard.emulator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficControlTest extends EmulatorFixture {

    @Test
    void shouldCountEachCallAndReportUsageInEveryAnswer() {
        emulator.admin().apiLimit(500, 7);

        Answer answer = client.get("/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID);

        assertEquals("api-usage=8/500", answer.header("Sforce-Limit-Info"));
        assertEquals(8, emulator.admin().apiUsed());
    }

    @Test
    void shouldNotCountLoginsAdminCallsOrTheVersionList() {
        long before = emulator.admin().apiUsed();

        client.login();
        client.raw("GET", "/services/data", null, null);
        client.raw("GET", "/__admin/counters", null, null);

        assertEquals(before, emulator.admin().apiUsed());
    }

    @Test
    void shouldRefuseCallsPastTheAllowance() {
        emulator.admin().apiLimit(100, 100);

        Answer answer = client.post("/sobjects/Account", "{\"Name\":\"Over\"}");

        assertEquals(403, answer.status());
        assertEquals("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                answer.response().body());
        assertEquals(2, emulator.admin().records("Account").size());
    }

    @Test
    void shouldInjectServerUnavailableForMatchingRequestsOnly() {
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("POST", "/sobjects/Case"));

        assertEquals(200, client.get("/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID).status());
        Answer failed = client.post("/sobjects/Case", "{\"Subject\":\"a\"}");
        Answer retried = client.post("/sobjects/Case", "{\"Subject\":\"a\"}");

        assertEquals(503, failed.status());
        assertEquals("SERVER_UNAVAILABLE", failed.errorCode());
        assertEquals(201, retried.status());
        assertEquals(2, emulator.admin().records("Case").size());
    }

    @Test
    void shouldInjectUnableToLockRowWithTheChosenStatus() {
        emulator.admin().addFault(FaultRule.times(FaultKind.UNABLE_TO_LOCK_ROW, 1));
        emulator.admin().addFault(FaultRule.times(FaultKind.UNABLE_TO_LOCK_ROW, 1).withStatus(503));

        Answer first = client.patch("/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID, "{\"Subject\":\"x\"}");
        Answer second = client.patch("/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID, "{\"Subject\":\"x\"}");

        assertEquals(400, first.status());
        assertEquals("UNABLE_TO_LOCK_ROW", first.errorCode());
        assertEquals("unable to obtain exclusive access to this record", first.message());
        assertEquals(503, second.status());
        assertEquals("Existing enquiry", emulator.admin().records("Case").get(0).get("Subject"));
    }

    @Test
    void shouldExpireTheCallersSessionOnASessionFault() {
        emulator.admin().addFault(FaultRule.times(FaultKind.SESSION_EXPIRED, 1));

        Answer answer = client.get("/limits");

        assertEquals(401, answer.status());
        assertEquals("INVALID_SESSION_ID", answer.errorCode());
        assertEquals(401, client.get("/limits").status());
        assertEquals(200, client.login().get("/limits").status());
    }

    @Test
    void shouldInjectRequestLimitExceeded() {
        emulator.admin().addFault(FaultRule.times(FaultKind.REQUEST_LIMIT_EXCEEDED, 1));

        Answer answer = client.get("/limits");

        assertEquals(403, answer.status());
        assertEquals("REQUEST_LIMIT_EXCEEDED", answer.errorCode());
    }

    @Test
    void shouldApplyTheWriteAndThenDropTheConnection() {
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Account"));

        assertThrows(UncheckedIOException.class, () -> client.post("/sobjects/Account", "{\"Name\":\"Ghost\"}"));

        assertEquals("Ghost", emulator.admin().records("Account").get(2).get("Name"));
        RequestLogEntry entry = emulator.admin().requests().get(emulator.admin().requests().size() - 1);
        assertEquals(0, entry.status());
        assertEquals("DROP_AFTER_WRITE", entry.fault());
    }

    @Test
    void shouldFireRateBasedFaultsRepeatablyFromASeededRandom() {
        emulator.admin().addFault(FaultRule.rate(FaultKind.SERVER_UNAVAILABLE, 0.5));
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            first.append(client.get("/limits").status() == 503 ? 'x' : '.');
        }
        emulator.admin().clearFaults();
        emulator.admin().addFault(FaultRule.rate(FaultKind.SERVER_UNAVAILABLE, 0.5));
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            second.append(client.get("/limits").status() == 503 ? 'x' : '.');
        }

        assertEquals(first.toString(), second.toString());
        assertTrue(first.toString().contains("x") && first.toString().contains("."), first.toString());
    }

    @Test
    void shouldDelayRequestsByTheConfiguredLatency() {
        emulator.admin().latency(150);

        long started = System.nanoTime();
        client.get("/limits");

        assertTrue((System.nanoTime() - started) / 1_000_000 >= 150);
    }

    @Test
    void shouldServeRequestsConcurrentlyWhileTheyWait() throws Exception {
        emulator.admin().latency(300);
        long started = System.nanoTime();
        Thread[] threads = new Thread[20];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> client.get("/limits"));
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
    }

    @Test
    void shouldLogRequestsWithoutTokensAndCountThemPerEndpoint() {
        emulator.admin().clearRequests();

        client.post("/sobjects/Case", "{\"Subject\":\"a\"}");
        client.post("/sobjects/Case", "{\"Subject\":\"b\"}");
        client.get("/sobjects/Case/" + SeededOrg.SEEDED_CASE_ID);
        client.raw("GET", "/services/oauth2/revoke?token=" + client.accessToken(), null, null);

        Map<String, Long> counters = emulator.admin().counters();
        assertEquals(2L, counters.get("POST /sobjects/{type}"));
        assertEquals(1L, counters.get("GET /sobjects/{type}/{id}"));
        assertEquals(1L, counters.get("GET /services/oauth2/revoke"));
        RequestLogEntry entry = emulator.admin().requests().get(0);
        assertEquals("POST", entry.method());
        assertEquals("/services/data/v60.0/sobjects/Case", entry.path());
        assertEquals(201, entry.status());
        assertEquals(SeededOrg.USERNAME, entry.user());
        assertEquals("127.0.0.1:" + emulator.port(), entry.host());
        assertNull(entry.fault());
        assertFalse(emulator.admin().requests().toString().contains(client.accessToken()));
    }

    @Test
    void shouldOfferTheSameControlsOverHttp() {
        Answer seeded = client.raw("POST", "/__admin/records/Contact", "{\"LastName\":\"Seeded\","
                + "\"CreatedDate\":\"2020-01-01T00:00:00.000+0000\"}", null);
        Answer fault = client.raw("POST", "/__admin/faults",
                "{\"kind\":\"SERVER_UNAVAILABLE\",\"count\":1,\"pathContains\":\"/limits\"}", null);
        Answer limits = client.raw("POST", "/__admin/limits", "{\"max\":50,\"used\":5}", null);

        assertEquals(201, seeded.status());
        assertEquals(204, fault.status());
        assertEquals(204, limits.status());
        Answer records = client.raw("GET", "/__admin/records/Contact", null, null);
        assertEquals("2020-01-01T00:00:00.000+0000", records.json().get(2).get("CreatedDate").asText());
        assertEquals(503, client.get("/limits").status());
        assertEquals("api-usage=6/50", client.get("/limits").header("Sforce-Limit-Info"));
        assertEquals(400, client.raw("POST", "/__admin/faults", "{\"kind\":\"NOPE\",\"count\":1}", null).status());
        assertEquals(404, client.raw("POST", "/__admin/nothing", null, null).status());
        Answer unknownField = client.raw("POST", "/__admin/records/Contact", "{\"Nope\":1}", null);
        assertEquals(400, unknownField.status());
        assertEquals("No field Nope on Contact", unknownField.json().get("error").asText());
    }

    @Test
    void shouldResetToTheSeedOverHttp() {
        client.post("/sobjects/Account", "{\"Name\":\"Temporary\"}");

        assertEquals(204, client.raw("POST", "/__admin/reset", null, null).status());

        assertEquals(2, emulator.admin().records("Account").size());
        assertEquals(200, client.get("/limits").status());
    }

    @Test
    void shouldBlockAGrantOverHttp() {
        client.raw("POST", "/__admin/grants", "{\"grantType\":\"password\",\"blocked\":true}", null);

        assertThrows(IllegalStateException.class, client::login);
    }
}
