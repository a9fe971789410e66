package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.config.EngineSettings;
import io.switchboard.events.EventType;
import io.switchboard.store.EventError;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.IdempotencyKey;
import io.switchboard.store.NewEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay command re-queues failed and skipped events in the embedded store and leaves the others. */
class ReplayCommandTest {
    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int replay(String... args) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString());
        String[] command = new String[args.length + 1];
        command[0] = "replay";
        System.arraycopy(args, 0, command, 1, args.length);
        return CommandLine.withStandardCommands(new Console(stream, stream, env::get, Path.of("").toAbsolutePath()))
                .run(command);
    }

    /** The embedded store the command opens, from the same settings. */
    private EventStore openStore() {
        return EventStore.open(new EngineSettings(0, dataDir, null, null, true));
    }

    private String storeEvent(EventStore store, String key, boolean fail) {
        String id = store.accept(new NewEvent(EventType.CALL, "xcally", IdempotencyKey.client(key), "{}", "digest",
                List.of())).eventId();
        if (fail) {
            store.markFailed(store.claimDue(10, "test-node", Duration.ofMinutes(1)).get(0), new EventError("INVALID_FIELD", "No such column"), List.of(), List.of());
        }
        return id;
    }

    @Test
    void shouldRequeueNamedFailedEventsAndRefuseOthers() {
        String failed;
        String pending;
        try (EventStore store = openStore()) {
            failed = storeEvent(store, "a", true);
            pending = storeEvent(store, "b", false);
        }

        int exit = replay(failed, pending, "no-such-id");

        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, output);
        assertTrue(output.contains(failed + ": re-queued"), output);
        assertTrue(output.contains(pending + ": not failed or skipped, left as it is"), output);
        assertTrue(output.contains("no-such-id: no such event"), output);
        try (EventStore store = openStore()) {
            assertEquals(EventStatus.PENDING, store.find(failed).orElseThrow().status());
        }
    }

    @Test
    void shouldRequeueEveryFailedEvent() {
        try (EventStore store = openStore()) {
            storeEvent(store, "a", true);
            storeEvent(store, "b", true);
        }
        assertEquals(0, replay("--failed"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("2 failed events re-queued."));
    }

    @Test
    void shouldAskForIdsOrFailed() {
        assertEquals(2, replay());
        assertEquals(2, replay("--everything"));
    }
}
