package io.switchboard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /events/{type} over real HTTP against a started engine (contract section 3). */
class EventIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;

    @BeforeAll
    static void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.start(emulator, Files.createTempDirectory("switchboard-intake"), Map.of());
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    static String example(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/events/" + name + ".json"));
    }

    @Test
    void shouldAcceptAConversationThenAnswerDuplicateWithTheSameId() throws Exception {
        HttpResponse<String> first = engine.postEvent("conversation-closed", example("conversation-closed"));
        assertEquals(202, first.statusCode(), first.body());
        JsonNode accepted = JSON.readTree(first.body());
        assertEquals("accepted", accepted.path("status").asText());
        HttpResponse<String> second = engine.postEvent("conversation-closed", example("conversation-closed"));
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(accepted.path("eventId").asText(), JSON.readTree(second.body()).path("eventId").asText());
        assertEquals("duplicate", JSON.readTree(second.body()).path("status").asText());
    }
}
