package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.JSON;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every demo sample in {@code config/samples/} is a valid event that its route writes to the seeded org. */
class SamplesTest {

    @Test
    void shouldProcessEverySampleToDoneAgainstTheSeededOrg() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("config/samples"))) {
            samples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.start(emulator, Files.createTempDirectory("switchboard-samples"), Map.of())) {
            for (Path sample : samples) {
                String type = sample.getFileName().toString().split("--", 2)[0];
                JsonNode event = run(engine, type, JSON.readTree(Files.readString(sample)));
                assertEquals("done", event.path("status").asText(), sample + ": " + event);
            }
        }
    }
}
