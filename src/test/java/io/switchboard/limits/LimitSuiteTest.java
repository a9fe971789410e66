package io.switchboard.limits;

import static io.switchboard.limits.LimitEvents.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit suite: 60 mixed events over two orgs while the first org's daily API allowance runs out mid-run.
 * None of its events fails: they wait, pending, while the other org's events complete, and all finish, each with
 * exactly one record, once the allowance is raised.
 */
class LimitSuiteTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;
    private SalesforceEmulator first;
    private SalesforceEmulator second;
    private RunningEngine engine;

    @BeforeEach
    void start() throws Exception {
        first = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        second = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        RunningEngine.copyProject(home);
        Map<String, String> environment = new HashMap<>(SecondOrg.declare(home, second));
        // share 1: no early pause, so the allowance really runs out and Salesforce refuses calls mid-route
        environment.put("SWITCHBOARD_API_PAUSE_SHARE", "1");
        environment.put("SWITCHBOARD_API_PAUSE_PROBE_MS", "300");
        environment.put("SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50");
        environment.put("SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "50");
        environment.put("SWITCHBOARD_RETRY_MAX_DELAY_MS", "500");
        engine = RunningEngine.startIn(first, home, environment);
    }

    @AfterEach
    void stop() {
        engine.close();
        first.close();
        second.close();
    }

    @Test
    void shouldHoldTheSpentOrgsEventsWithoutFailingOneWhileTheOtherOrgGoesOnAndFinishAllOnceRaised() throws Exception {
        Instant started = Instant.now();
        long allowance = first.admin().apiUsed() + 40;
        first.admin().apiLimit(allowance, first.admin().apiUsed());
        Map<String, String> firstOrg = new LinkedHashMap<>();
        Map<String, String> secondOrg = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            firstOrg.put(LimitEvents.post(engine, "call", LimitEvents.call("first-" + i, "Sales")), "call");
            secondOrg.put(LimitEvents.post(engine, "call", LimitEvents.call("second-" + i, SecondOrg.QUEUE)), "call");
            if (i % 2 == 0) {
                firstOrg.put(LimitEvents.post(engine, "case-acknowledged", LimitEvents.acknowledged("CX-LIMIT-" + i)), "ack");
                firstOrg.put(LimitEvents.post(engine, "conversation-closed", LimitEvents.conversation("limit-" + i)), "chat");
            }
        }

        awaitAll(secondOrg.keySet(), "done"::equals, "the second org's events done");
        awaitPaused();
        Map<String, Integer> whilePaused = statuses(firstOrg.keySet());
        long refusals = first.admin().requests().stream().filter(entry -> entry.status() == 403).count();
        System.out.printf("limit suite: an allowance of %d calls ran out; second org 20/20 done; first org while paused %s; "
                + "%d calls refused REQUEST_LIMIT_EXCEEDED%n", allowance, whilePaused, refusals);
        assertEquals(0, whilePaused.getOrDefault("failed", 0), "no event of the spent org fails: " + whilePaused);
        assertTrue(whilePaused.getOrDefault("pending", 0) > 0, "events wait for the allowance: " + whilePaused);
        assertTrue(refusals > 0, "the allowance ran out mid-run");
        assertTrue(metrics().contains("switchboard_salesforce_paused{connection=\"default\"} 1"), metrics());
        assertTrue(metrics().contains("switchboard_salesforce_paused{connection=\"second\"} 0"), metrics());

        Instant raised = Instant.now();
        first.admin().apiLimit(1_000_000, first.admin().apiUsed());
        awaitAll(firstOrg.keySet(), "done"::equals, "every event of the first org done");
        Duration resumed = Duration.between(raised, Instant.now());

        assertExactlyOneRecordEach(firstOrg);
        int mostAttempts = 0;
        for (String id : firstOrg.keySet()) {
            mostAttempts = Math.max(mostAttempts, LimitEvents.status(engine, id).path("attempts").asInt());
        }
        long probes = first.admin().requests().stream().filter(entry -> entry.path().endsWith("/limits")).count();
        System.out.printf("limit suite: 60 events (%d first org, %d second org) all done in %d ms; first org finished "
                        + "%d ms after the allowance was raised; %d probes; at most %d attempts per event%n",
                firstOrg.size(), secondOrg.size(), Duration.between(started, Instant.now()).toMillis(),
                resumed.toMillis(), probes, mostAttempts);
        assertFalse(engine.get("/observe/health").body().contains("\"paused\":true"), "a connection still shows paused");
    }

    private void assertExactlyOneRecordEach(Map<String, String> firstOrg) {
        List<Map<String, Object>> firstTasks = first.admin().records("Task");
        List<Map<String, Object>> secondTasks = second.admin().records("Task");
        List<Map<String, Object>> intakes = first.admin().records("casexchange__CX_Intake__c");
        List<Map<String, Object>> cases = first.admin().records("Case");
        for (int i = 0; i < 20; i++) {
            assertEquals(1, count(firstTasks, "CallObject", "first-" + i), "Tasks of call first-" + i);
            assertEquals(1, count(secondTasks, "CallObject", "second-" + i), "Tasks of call second-" + i);
            assertEquals(0, count(firstTasks, "CallObject", "second-" + i), "second-org call written to the first org");
            if (i % 2 == 0) {
                assertEquals(1, count(intakes, "casexchange__CX_Case_Id__c", "CX-LIMIT-" + i), "CX-LIMIT-" + i);
                assertEquals(1, count(cases, "Subject", LimitEvents.caseSubject("limit-" + i)), "Case of limit-" + i);
            }
        }
        assertEquals(40, firstOrg.size());
    }

    private String metrics() throws Exception {
        return engine.get("/observe/metrics").body();
    }

    private void awaitPaused() throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonNode health = LimitEvents.JSON.readTree(engine.get("/observe/health").body());
            if (health.path("checks").path("connections").path("default").path("paused").asBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("the first org's connection did not pause");
    }

    private Map<String, Integer> statuses(Iterable<String> ids) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : ids) {
            counts.merge(LimitEvents.status(engine, id).path("status").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private void awaitAll(Iterable<String> ids, Predicate<String> status, String description) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> waiting = new ArrayList<>();
        ids.forEach(waiting::add);
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            String next = waiting.get(0);
            if (status.test(LimitEvents.status(engine, next).path("status").asText())) {
                waiting.remove(0);
            } else {
                Thread.sleep(20);
            }
        }
        if (!waiting.isEmpty()) {
            fail(description + " within " + PATIENCE + "; still " + statuses(waiting) + ", e.g. "
                    + LimitEvents.status(engine, waiting.get(0)));
        }
    }
}
