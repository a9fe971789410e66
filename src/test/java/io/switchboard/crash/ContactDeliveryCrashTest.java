package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.contacts.SourcePlatformStub;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as its own process, killed with SIGKILL after the contact sync has read Salesforce's changes and queued
 * them but before the source platform took any: started again, it delivers each change once, with the same key.
 */
class ContactDeliveryCrashTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;
    private SalesforceEmulator emulator;
    private SourcePlatformStub platform;
    private EngineProcess engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        platform = SourcePlatformStub.start();
        RunningEngine.copyProject(home);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        platform.close();
        emulator.close();
    }

    private EngineProcess startEngine() throws Exception {
        return EngineProcess.start(home, home.resolve("data"), emulator, home.resolve("engine.log"), Map.of(
                "SWITCHBOARD_CONTACT_SYNC_ENABLED", "true", "SWITCHBOARD_CONTACT_SYNC_URL", platform.url(),
                "SWITCHBOARD_CONTACT_SYNC_INTERVAL_SECONDS", "1", "SWITCHBOARD_CONTACT_SYNC_SECRET", "crash-secret"));
    }

    @Test
    void shouldDeliverEachQueuedChangeOnceAfterAKillBeforeAnyWasTaken() throws Exception {
        // the platform takes nothing before the kill: each change is read, queued and tried, never delivered
        platform.failNext(Integer.MAX_VALUE, 503);
        engine = startEngine();
        await(() -> triedContacts().size() == 2, "both seeded Contacts tried");
        List<String> keysBefore = platform.received().stream().map(SourcePlatformStub.Received::idempotencyKey)
                .distinct().sorted().toList();
        engine.kill();
        platform.clear();

        engine = startEngine();
        await(() -> delivered().size() == 2, "both delivered after the restart");
        Thread.sleep(2_000);

        Map<String, Long> deliveredByKey = delivered().stream()
                .collect(Collectors.groupingBy(SourcePlatformStub.Received::idempotencyKey, Collectors.counting()));
        assertEquals(keysBefore, deliveredByKey.keySet().stream().sorted().toList(), "the same keys as before the kill");
        assertEquals(List.of(1L, 1L), List.copyOf(deliveredByKey.values()), "each change delivered once");
        assertEquals(2, keysBefore.size());
        assertEquals(true, keysBefore.get(0).startsWith(SeededOrg.MARIA_CONTI_ID), keysBefore.toString());
    }

    private List<String> triedContacts() {
        return platform.received().stream().map(SourcePlatformStub.Received::idempotencyKey).distinct().toList();
    }

    private List<SourcePlatformStub.Received> delivered() {
        return platform.received().stream().filter(received -> received.answered() == 200).toList();
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
