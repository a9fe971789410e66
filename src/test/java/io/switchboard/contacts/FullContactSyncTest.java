package io.switchboard.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.cli.CommandLine;
import io.switchboard.cli.Console;
import io.switchboard.config.Configuration;
import io.switchboard.config.EngineSettings;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.EventType;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync-contacts --full} against an emulated org of 10,000 Contacts more than its seed: every one read in pages
 * of 2,000 with a line per page, and queued once each.
 */
class FullContactSyncTest {
    private static final int CONTACTS = 10_000;
    private static SalesforceEmulator emulator;

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startOrgOfTenThousand() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        for (int n = 0; n < CONTACTS; n++) {
            emulator.admin().insertRecord("Contact", Map.of("LastName", "Bulk " + n, "Phone", "+44 20 7946 " + n));
        }
    }

    @AfterAll
    static void stopOrg() {
        emulator.close();
    }

    private int syncContacts(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(SeededOrg.connectionVariables(emulator.baseUrl()));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.putAll(more);
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, Path.of("").toAbsolutePath());
        return CommandLine.withStandardCommands(console).run("sync-contacts", "--full");
    }

    private static Map<String, String> enabled() {
        return Map.of("SWITCHBOARD_CONTACT_SYNC_ENABLED", "true", "SWITCHBOARD_CONTACT_SYNC_URL",
                "http://127.0.0.1:9/contacts", "SWITCHBOARD_CONTACT_SYNC_SECRET", "s3cret-for-the-test");
    }

    @Test
    void shouldQueueEveryContactInPagesOfTwoThousandWithAProgressLineEach() {
        emulator.admin().clearRequests();

        assertEquals(0, syncContacts(enabled()), out + "" + err);

        String printed = out.toString(StandardCharsets.UTF_8);
        int total = CONTACTS + 2;
        System.err.println(printed);
        assertTrue(printed.contains("Contact sync (every Contact): 2000 read, 2000 queued for delivery"), printed);
        assertTrue(printed.contains(total + " read, " + total + " queued for delivery, 0 of the engine's own writes left out;"
                + " done"), printed);
        assertTrue(printed.contains(total + " Contact change(s) queued for delivery"), printed);
        assertTrue(!printed.contains("s3cret-for-the-test"), "the secret is never printed");
        long reads = emulator.admin().requests().stream().filter(request -> request.path().contains("/queryAll")).count();
        assertEquals(6, reads, "five full pages and the empty one that ends the run");
        try (EventStore store = EventStore.open(EngineSettings.from(Configuration.load(Path.of("config"),
                Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString())::get)))) {
            assertEquals(total, store.countsByTypeAndStatus().get(EventType.CONTACT_DELIVERY).get(EventStatus.PENDING));
        }

    }

    @Test
    void shouldRefuseToQueueWhileTheSyncIsOff() {
        assertEquals(1, syncContacts(Map.of()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the contact sync is off"), err.toString());
    }
}
