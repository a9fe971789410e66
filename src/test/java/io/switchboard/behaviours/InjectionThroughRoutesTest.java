package io.switchboard.behaviours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An email with a quote that passes intake (apostrophes are legal in addresses) matches no user it should not. */
class InjectionThroughRoutesTest {

    @Test
    void shouldMatchNoUserWhenTheAgentEmailCarriesQuotes() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.start(emulator, Files.createTempDirectory("switchboard-injection"),
                     Map.of())) {
            ObjectNode conversation = EventRuns.example("conversation-closed");
            conversation.put("conversationId", "quote-1");
            ((ObjectNode) conversation.get("agent")).put("email", "x'OR'Email'!='@example.com");

            JsonNode event = EventRuns.run(engine, "conversation-closed", conversation);

            assertEquals("done", event.path("status").asText(), event.toString());
            assertTrue(event.path("warnings").toString().contains("x'OR'Email'!='@example.com"), event.toString());
            Map<String, Object> createdCase = EventRuns.only(emulator.admin().records("Case"), "Subject",
                    "+393331234567 [quote-1]");
            assertEquals(SeededOrg.INTEGRATION_USER_ID, createdCase.get("OwnerId"),
                    "no user matches the quoted email, so the connection's own user owns the Case");
        }
    }
}
