package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls whose person and ticket writes were applied by Salesforce but answered by a dropped connection, with the
 * search index lagging: the retries find the Account or Lead and the Case or Task the first attempts created.
 * Inbound calls become a Case on an Account created for unknown numbers; outbound calls a Task on a new Lead.
 */
class RetriedCallWritesTest {
    private static final String CALL_FILE = """
            triggers:
              - name: inbound
                active: ON
                when:
                  direction: inbound
                configuration: inbound-case
              - name: outbound
                active: ON
                when:
                  direction: outbound
                configuration: outbound-task
            configurations:
              inbound-case:
                ticketType: Case
                subject:
                  - string: "Call from"
                  - variable: callerNumber
                description:
                  - key: Call
                    variable: callId
                fields:
                  Origin: {picklist: Phone}
                search:
                  module: Account
                create: Account
              outbound-task:
                ticketType: Task
                subject:
                  - string: "Call to"
                  - variable: destinationNumber
                fields:
                  Status: {picklist: Completed}
                  CallObject: {variable: callId}
                search:
                  module: Contact&Lead
                create: Lead
            """;
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;

    @BeforeAll
    static void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        Path home = RunningEngine.copyProject(Files.createTempDirectory("switchboard-retried-calls"));
        Files.writeString(home.resolve("config/call.yaml"), CALL_FILE);
        engine = RunningEngine.startIn(emulator, home,
                // no in-route retries: a busy answer goes straight to the worker, whose whole-route retry is under test
                Map.of("SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20", "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50",
                        "SWITCHBOARD_RETRY_IN_ROUTE_ATTEMPTS", "0"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    @BeforeEach
    void resetOrg() {
        emulator.admin().reset();
        emulator.admin().searchLagMillis(600_000);
    }

    @Test
    void shouldWriteOneAccountAndOneCaseWhenBothAnswersWereLost() throws Exception {
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Account"));
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Case"));
        String number = "+1 312 555 0101";

        JsonNode status = run(engine, "call", example("call-inbound-answered").put("callId", "inbound-1")
                .put("callerNumber", number));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(3, status.path("attempts").asInt(), status.toString());
        Map<String, Object> account = only(emulator.admin().records("Account"), "Phone", number);
        Map<String, Object> theCase = only(emulator.admin().records("Case"), "Subject", "Call from " + number);
        assertEquals(account.get("Id"), theCase.get("AccountId"));
        assertEquals(theCase.get("Id"), status.path("records").path(1).path("id").asText(), status.toString());
    }

    @Test
    void shouldWriteOneLeadAndOneTaskWhenBothAnswersWereLost() throws Exception {
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Lead"));
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Task"));
        String number = "+1 312 555 0102";

        JsonNode status = run(engine, "call", example("call-outbound-answered").put("callId", "outbound-1")
                .put("destinationNumber", number));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(3, status.path("attempts").asInt(), status.toString());
        Map<String, Object> lead = only(emulator.admin().records("Lead"), "Phone", number);
        Map<String, Object> task = only(emulator.admin().records("Task"), "CallObject", "outbound-1");
        assertEquals(lead.get("Id"), task.get("WhoId"));
    }

    @Test
    void shouldGiveASecondCallFromTheSameNumberItsOwnCaseWhenItIsRetried() throws Exception {
        String number = "+1 312 555 0103";
        run(engine, "call", example("call-inbound-answered").put("callId", "first").put("callerNumber", number));
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("POST", "/sobjects/Case"));

        JsonNode second = run(engine, "call", example("call-inbound-answered").put("callId", "second")
                .put("callerNumber", number));

        assertEquals("done", second.path("status").asText(), second.toString());
        assertEquals(2, second.path("attempts").asInt(), second.toString());
        List<Object> descriptions = emulator.admin().records("Case").stream()
                .filter(record -> ("Call from " + number).equals(record.get("Subject")))
                .map(record -> record.get("Description")).toList();
        assertEquals(List.of("Call: first", "Call: second"), descriptions);
    }
}
