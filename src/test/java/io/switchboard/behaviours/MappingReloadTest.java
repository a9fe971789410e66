package io.switchboard.behaviours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Editing a mapping file of a running engine changes the next event; a broken edit keeps the previous mapping. */
class MappingReloadTest {

    @Test
    void shouldApplyAnEditedMappingAndKeepThePreviousOneWhenAnEditIsBroken() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            Path home = RunningEngine.copyProject(Files.createTempDirectory("switchboard-mapping-reload"));
            Path callConfig = home.resolve("config/call.yaml");
            String shipped = Files.readString(callConfig);
            try (RunningEngine engine = RunningEngine.startIn(emulator, home, Map.of())) {
                assertEquals("[xCALLY Ticket] Sales +393331234567", taskSubject(emulator, engine));

                Files.writeString(callConfig, shipped.replace("\"[xCALLY Ticket]\"", "\"[Support]\""));
                assertEquals("[Support] Sales +393331234567", awaitSubject(emulator, engine, "[Support] Sales +393331234567"));

                Files.writeString(callConfig, shipped.replace("ticketType: Task", "ticketType: Fax"));
                Thread.sleep(1_500);
                assertEquals("[Support] Sales +393331234567", taskSubject(emulator, engine),
                        "a mapping edit that does not load must leave the previous mapping serving");
            }
        }
    }

    private static String awaitSubject(SalesforceEmulator emulator, RunningEngine engine, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String subject = taskSubject(emulator, engine);
        while (!expected.equals(subject) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            subject = taskSubject(emulator, engine);
        }
        return subject;
    }

    /** Runs a fresh inbound call and answers the Subject of the Task it produced. */
    private static String taskSubject(SalesforceEmulator emulator, RunningEngine engine) throws Exception {
        ObjectNode call = EventRuns.example("call-inbound-answered");
        call.put("callId", UUID.randomUUID().toString());
        JsonNode event = EventRuns.run(engine, "call", call);
        assertEquals("done", event.path("status").asText(), event.toString());
        String taskId = event.path("records").findValues("id").get(event.path("records").size() - 1).asText();
        return String.valueOf(emulator.admin().records("Task").stream()
                .filter(task -> taskId.equals(task.get("Id"))).findFirst().orElseThrow().get("Subject"));
    }
}
