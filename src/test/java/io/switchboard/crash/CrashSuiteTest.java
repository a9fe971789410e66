package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite: the engine runs as its own process against an emulator slow enough that events are in flight,
 * is killed with SIGKILL mid-run and started again on the same data folder. Every accepted event completes and
 * no record is written twice, counted in the emulator.
 */
class CrashSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls; every second one comes with an acknowledged case and a closed conversation: 100 events in all. */
    private static final int CALLS = 50;
    private static final int DONE_BEFORE_THE_KILL = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path home;
    private SalesforceEmulator emulator;
    private EngineProcess engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        RunningEngine.copyProject(home);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        emulator.close();
    }

    @Test
    void shouldCompleteEveryAcceptedEventExactlyOnceAfterTheEngineIsKilledMidRun() throws Exception {
        Path dataDir = home.resolve("data");
        Path log = home.resolve("engine.log");
        Instant started = Instant.now();
        engine = EngineProcess.start(home, dataDir, emulator, log);
        emulator.admin().latency(100);

        List<String> accepted = new ArrayList<>();
        List<Posting> postings = mixedEvents();
        Map<String, Integer> atKill = null;
        for (int i = 0; i < postings.size() && atKill == null; i++) {
            accepted.add(postings.get(i).post(engine));
            // a slow machine may get far while posting: kill as soon as enough are done, posting the rest afterwards
            atKill = i % 10 == 9 ? killIfDone() : null;
        }
        atKill = atKill == null ? awaitDoneThenKill() : atKill;
        Instant restarted = Instant.now();
        engine = EngineProcess.start(home, dataDir, emulator, log);
        for (Posting posting : postings.subList(accepted.size(), postings.size())) {
            accepted.add(posting.post(engine));
        }
        Map<String, Integer> retried = awaitAllDone(accepted);

        Map<String, Long> duplicates = MixedRunRecords.duplicates(emulator.admin());
        System.out.printf("crash suite: %d events accepted; at SIGKILL %s; after restart all %d done in %d ms "
                        + "(%d run more than once); %d s in all; records written twice: %s%n",
                accepted.size(), atKill, accepted.size(), Duration.between(restarted, Instant.now()).toMillis(),
                retried.size(), Duration.between(started, Instant.now()).toSeconds(), duplicates);
        assertTrue(atKill.getOrDefault("processing", 0) > 0, "events were in flight at the kill: " + atKill);
        assertEquals(Map.of(), duplicates);
        MixedRunRecords.assertOneRecordPerEvent(emulator.admin(), "crash", CALLS);
    }

    /** One event to post. */
    private record Posting(String type, JsonNode event) {
        String post(EngineProcess engine) throws Exception {
            return accepted(engine.post(type, event));
        }
    }

    private static List<Posting> mixedEvents() throws Exception {
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            postings.add(new Posting("call", example("call-inbound-answered").put("callId", "crash-" + i)));
            if (i % 2 == 0) {
                postings.add(new Posting("case-acknowledged", example("case-acknowledged").put("caseId", "CX-CRASH-" + i)));
                postings.add(new Posting("conversation-closed",
                        example("conversation-closed").put("conversationId", "crash-" + i)));
            }
        }
        return postings;
    }

    private static String accepted(String eventId) {
        assertNotNull(eventId, "the engine accepts every event while it runs");
        return eventId;
    }

    private static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events", name + ".json")));
    }

    private Map<String, Integer> awaitDoneThenKill() throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> atKill = killIfDone();
            if (atKill != null) {
                return atKill;
            }
            Thread.sleep(20);
        }
        return fail("fewer than " + DONE_BEFORE_THE_KILL + " events were done within " + PATIENCE);
    }

    /** Kills the engine once enough events are done, answering the counts seen just before; else null. */
    private Map<String, Integer> killIfDone() throws Exception {
        int done = count("done");
        if (done < DONE_BEFORE_THE_KILL) {
            return null;
        }
        int processing = count("processing");
        engine.kill();
        return Map.of("done", done, "processing", processing);
    }

    private int count(String status) throws Exception {
        return engine.get("/events?status=" + status + "&limit=500").path("events").size();
    }

    /** Waits for every event to be done; answers the attempts of those that ran more than once. */
    private Map<String, Integer> awaitAllDone(List<String> ids) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Integer> retried = new LinkedHashMap<>();
        for (String id : ids) {
            JsonNode event = engine.get("/events/" + id);
            while (!"done".equals(event.path("status").asText())) {
                if (Instant.now().isAfter(deadline) || !event.has("status") || "failed".equals(event.path("status").asText())) {
                    fail("event did not complete: " + event);
                }
                Thread.sleep(20);
                event = engine.get("/events/" + id);
            }
            if (event.path("attempts").asInt() > 1) {
                retried.put(id, event.path("attempts").asInt());
            }
        }
        return retried;
    }
}
