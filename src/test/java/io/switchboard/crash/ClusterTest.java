package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.store.PostgresServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three engine processes on one PostgreSQL schema against one emulator, each taking events at once. One is killed
 * with SIGKILL mid-run and never comes back: the other two take over its events once their lease runs out, and every
 * event is done exactly once, counted in the emulator. Meanwhile the referral poll, scheduled every second on every
 * node, reaches Case Xchange once per tick in all.
 */
class ClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** Calls; every second one comes with an acknowledged case and a closed conversation: 60 events in all. */
    private static final int CALLS = 30;
    /** The lease, plus time for the survivors to run what the dead node held and what was still pending. */
    private static final Duration TAKE_OVER_PATIENCE = LEASE.plusSeconds(20);

    @TempDir
    Path home;
    private SalesforceEmulator emulator;
    private HttpServer caseXchange;
    private final List<Instant> polls = new CopyOnWriteArrayList<>();
    private String schema;
    private final Map<String, EngineProcess> engines = new LinkedHashMap<>();

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.require();
    }

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        caseXchange = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        caseXchange.createContext("/changes", exchange -> {
            polls.add(Instant.now());
            byte[] none = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, none.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(none);
            }
        });
        caseXchange.start();
        schema = PostgresServer.createSchema("switchboard_cluster");
        RunningEngine.copyProject(home);
        Path poll = home.resolve("config/referral-status-changed.yaml");
        Files.writeString(poll, Files.readString(poll)
                .replace("enabled: false", "enabled: true")
                .replace("cron: \"0 0/5 * * * ?\"", "cron: \"* * * * * ?\"")
                .replace("  url:\n", "  url: http://127.0.0.1:" + caseXchange.getAddress().getPort() + "/changes\n"));
    }

    @AfterEach
    void stop() throws Exception {
        for (EngineProcess engine : engines.values()) {
            if (engine.alive()) {
                engine.stop();
            }
        }
        caseXchange.stop(0);
        emulator.close();
        PostgresServer.dropSchema(schema);
    }

    @Test
    void shouldTakeOverADeadNodesEventsDoEachOnceAndPollOncePerTick() throws Exception {
        startNodes();
        JsonNode health = healthWithAllNodes(engines.get("node-2"));
        assertEquals("node-2", health.path("node").asText(), health.toString());
        assertEquals(Set.copyOf(NODES), ids(health.path("nodes")), health.toString());

        // a slow Salesforce while the events arrive, so that every node has some in flight when one is killed
        emulator.admin().latency(1000);
        List<String> accepted = postOnAllNodesAtOnce(mixedEvents());
        String victim = awaitProcessingOnAnyNode();
        engines.get(victim).kill();
        Instant killed = Instant.now();
        emulator.admin().latency(100);
        // what the store still shows processing by the dead node is what it held when it died
        Set<String> heldByVictim = processingOn(victim);
        assertTrue(!heldByVictim.isEmpty(), "the node was killed with events in flight");
        EngineProcess survivor = engines.values().stream().filter(EngineProcess::alive).findFirst().orElseThrow();

        Map<String, Integer> retried = awaitAllDone(survivor, accepted, killed.plus(TAKE_OVER_PATIENCE));
        Duration allDone = Duration.between(killed, Instant.now());
        Map<String, Long> duplicates = MixedRunRecords.duplicates(emulator.admin());
        // the events may all be done within a couple of ticks of the kill; the poll's schedule is judged over a few
        // more, while the survivors keep running
        awaitPollsSpanning(Duration.ofSeconds(4));
        // a tick is a second; a tick's poll may come up to the misfire threshold (1 s) late, so the ticks polled are
        // those within the polls' span and one before it. Each polled once in all, not once per node
        long span = Duration.between(polls.get(0), polls.get(polls.size() - 1)).toMillis();
        long ticks = (span + 999) / 1000 + 2;
        System.out.printf("cluster: %d events accepted on %d nodes; %s killed holding %d; all done %d ms after the "
                        + "kill (%d run more than once); %d polls in %d ticks; records written twice: %s%n",
                accepted.size(), NODES.size(), victim, heldByVictim.size(), allDone.toMillis(), retried.size(),
                polls.size(), ticks, duplicates);

        assertTrue(retried.keySet().containsAll(heldByVictim), "the dead node's events ran again elsewhere: " + retried);
        assertEquals(Set.of(), Set.copyOf(claimedBy(victim, heldByVictim)), "none is left with the dead node");
        assertEquals(Map.of(), duplicates);
        MixedRunRecords.assertOneRecordPerEvent(emulator.admin(), "cluster", CALLS);
        assertTrue(ticks >= 5, "the poll ran on its schedule throughout: " + polls);
        assertTrue(polls.size() <= ticks, "at most one poll per tick across the three nodes: " + polls);
        JsonNode after = survivor.get("/observe/health");
        assertTrue(ids(after.path("nodes")).containsAll(NODES.stream().filter(node -> !node.equals(victim)).toList()),
                after.toString());
    }

    /** All three at once, as an orchestrator would start them: they migrate and join the scheduler together. */
    private void startNodes() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(NODES.size());
        try {
            Map<String, Future<EngineProcess>> started = new LinkedHashMap<>();
            for (String node : NODES) {
                Map<String, String> environment = Map.of(
                        "SWITCHBOARD_DB_URL", PostgresServer.urlOf(schema),
                        "SWITCHBOARD_NODE_ID", node,
                        "SWITCHBOARD_CLAIM_LEASE_MS", String.valueOf(LEASE.toMillis()),
                        "SWITCHBOARD_WORKER_CONCURRENCY", "4");
                Path dataDir = Files.createDirectories(home.resolve("data-" + node));
                started.put(node, starting.submit(() -> EngineProcess.start(home, dataDir, emulator,
                        home.resolve(node + ".log"), environment)));
            }
            // every node that started is kept, to be stopped after the test, even when another did not start
            AssertionError notStarted = null;
            for (Map.Entry<String, Future<EngineProcess>> node : started.entrySet()) {
                try {
                    engines.put(node.getKey(), node.getValue().get());
                } catch (ExecutionException e) {
                    List<String> log = Files.readAllLines(home.resolve(node.getKey() + ".log"));
                    notStarted = new AssertionError(node.getKey() + " did not start: " + e.getCause() + "; its log ends:\n"
                            + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())), e);
                }
            }
            if (notStarted != null) {
                throw notStarted;
            }
        } finally {
            starting.shutdown();
        }
    }

    /** One event to post. */
    private record Posting(String type, JsonNode event) {
    }

    private static List<Posting> mixedEvents() throws Exception {
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            postings.add(new Posting("call", example("call-inbound-answered").put("callId", "cluster-" + i)));
            if (i % 2 == 0) {
                postings.add(new Posting("case-acknowledged", example("case-acknowledged").put("caseId", "CX-CLUSTER-" + i)));
                postings.add(new Posting("conversation-closed",
                        example("conversation-closed").put("conversationId", "cluster-" + i)));
            }
        }
        return postings;
    }

    private static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events", name + ".json")));
    }

    /** Each node gets its share of the events from a thread of its own, all at the same time. */
    private List<String> postOnAllNodesAtOnce(List<Posting> postings) throws Exception {
        List<EngineProcess> nodes = List.copyOf(engines.values());
        ExecutorService posting = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<List<String>>> shares = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                EngineProcess node = nodes.get(n);
                int first = n;
                shares.add(posting.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = first; i < postings.size(); i += nodes.size()) {
                        String id = node.post(postings.get(i).type(), postings.get(i).event());
                        assertNotNull(id, "every node accepts events while it runs");
                        ids.add(id);
                    }
                    return ids;
                }));
            }
            List<String> accepted = new ArrayList<>();
            for (Future<List<String>> share : shares) {
                accepted.addAll(share.get());
            }
            return accepted;
        } finally {
            posting.shutdown();
        }
    }

    /** The first node seen with several events in flight, read from the shared store. */
    private String awaitProcessingOnAnyNode() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (String node : NODES) {
                if (processingOn(node).size() >= 2) {
                    return node;
                }
            }
            Thread.sleep(10);
        }
        return fail("no node had events in flight");
    }

    private Set<String> processingOn(String node) throws Exception {
        return new HashSet<>(query("SELECT id FROM events WHERE status = 'processing' AND claimed_by = '" + node + "'"));
    }

    /** Those of the events that are still processing by the node. */
    private List<String> claimedBy(String node, Set<String> events) throws Exception {
        Set<String> stillProcessing = processingOn(node);
        return events.stream().filter(stillProcessing::contains).toList();
    }

    private List<String> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServer.urlOf(schema));
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Waits for every event to be done; answers the attempts of those that ran more than once. */
    private static Map<String, Integer> awaitAllDone(EngineProcess engine, List<String> ids, Instant deadline)
            throws Exception {
        Map<String, Integer> retried = new HashMap<>();
        for (String id : ids) {
            JsonNode event = engine.get("/events/" + id);
            while (!"done".equals(event.path("status").asText())) {
                if (Instant.now().isAfter(deadline) || "failed".equals(event.path("status").asText())) {
                    fail("event not done within the lease plus processing time: " + event);
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

    /**
     * The node's health once every node's first heartbeat has reached the store (a node's HTTP server answers a
     * moment before its worker starts), or as it is after 30 s.
     */
    private static JsonNode healthWithAllNodes(EngineProcess engine) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                JsonNode health = engine.get("/observe/health");
                if (health.path("nodes").size() == NODES.size() || Instant.now().isAfter(deadline)) {
                    return health;
                }
            } catch (JsonProcessingException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            Thread.sleep(50);
        }
    }

    private static Set<String> ids(JsonNode nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    private void awaitPollsSpanning(Duration span) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && (polls.isEmpty()
                || Duration.between(polls.get(0), polls.get(polls.size() - 1)).compareTo(span) < 0)) {
            Thread.sleep(100);
        }
    }
}
