package io.switchboard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.mapping.FieldDescription;
import io.switchboard.mapping.SObjectDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files check-connection leaves for validate: read back as written, replaced whole, refused when damaged. */
class SavedDescribesTest {
    private static final Instant FETCHED = Instant.parse("2026-12-02T01:40:00Z");

    @TempDir
    Path dataDir;

    private SavedDescribe task(String... callTypes) {
        FieldDescription callType = new FieldDescription("CallType", "picklist", 0, true, true, false, false,
                List.of(callTypes));
        return new SavedDescribe("default", "Task", FETCHED, "https://acme.my.salesforce.com", "62.0",
                Optional.of(new SObjectDescription("Task", Map.of("CallType", callType))));
    }

    @Test
    void shouldReadBackWhatWasSavedIncludingAnObjectTheOrgDoesNotHave() {
        SavedDescribes saved = new SavedDescribes(dataDir, "default");
        SavedDescribe missing = new SavedDescribe("default", "Referal__c", FETCHED, "https://acme.my.salesforce.com",
                "62.0", Optional.empty());
        saved.save(task("Inbound", "Outbound"));
        saved.save(missing);

        SavedSchema read = saved.read();

        assertEquals(List.of(), read.unreadable());
        assertEquals(task("Inbound", "Outbound").description(), read.describe("Task"));
        assertEquals(Optional.empty(), read.describe("Referal__c"));
        assertFalse(read.holds("Case"));
        assertEquals(Optional.of(FETCHED), read.oldestFetch());
        assertEquals(List.of("https://acme.my.salesforce.com"), read.instanceUrls());
    }

    @Test
    void shouldReplaceAFileWholeAndLeaveNoTemporaryFileBehind() throws Exception {
        SavedDescribes saved = new SavedDescribes(dataDir, "default");
        saved.save(task("Inbound"));
        saved.save(task("Inbound", "Outbound"));

        try (Stream<Path> files = Files.list(saved.folder())) {
            assertEquals(List.of("Task.json"), files.map(file -> file.getFileName().toString()).toList());
        }
        assertEquals(task("Inbound", "Outbound").description(), saved.read().describe("Task"));
    }

    @Test
    void shouldNameAFileThatIsNotASavedDescribeAndStillReadTheOthers() throws Exception {
        SavedDescribes saved = new SavedDescribes(dataDir, "default");
        saved.save(task("Inbound"));
        Path broken = saved.folder().resolve("Case.json");
        Files.writeString(broken, "{\"format\": 1, \"connection\": \"default\", \"sobj");

        SavedSchema read = saved.read();

        assertEquals(1, read.unreadable().size(), read.unreadable().toString());
        assertEquals(broken, read.unreadable().get(0).file());
        assertTrue(read.unreadable().get(0).reason().startsWith("not valid JSON"), read.unreadable().toString());
        assertTrue(read.holds("Task"));
        assertFalse(read.holds("Case"));
    }

    @Test
    void shouldRefuseAFileOfAnotherConnectionOrLayout() throws Exception {
        SavedDescribes saved = new SavedDescribes(dataDir, "emea");
        Files.createDirectories(saved.folder());
        new SavedDescribes(dataDir, "default").save(task("Inbound"));
        Files.copy(dataDir.resolve("describes/default/Task.json"), saved.folder().resolve("Task.json"));
        Files.writeString(saved.folder().resolve("Case.json"), "{\"format\": 2}");

        List<UnreadableFile> unreadable = saved.read().unreadable();

        assertEquals(List.of(
                new UnreadableFile(saved.folder().resolve("Case.json"), "format 2 is not the format 1 this engine reads"),
                new UnreadableFile(saved.folder().resolve("Task.json"), "holds Task of connection 'default', not Task of 'emea'")),
                unreadable);
    }

    @Test
    void shouldSayNothingWasSavedForAConnectionNeverChecked() {
        SavedSchema read = new SavedDescribes(dataDir, "default").read();
        assertTrue(read.nothingSaved());
        assertEquals(Optional.empty(), read.oldestFetch());
    }

    @Test
    void shouldNeverMakeAFileNameOfSomethingThatIsNoObjectName() {
        SavedDescribe escaping = new SavedDescribe("default", "../../etc/Task", FETCHED, "https://x", "62.0",
                Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new SavedDescribes(dataDir, "default").save(escaping));
        assertFalse(Files.exists(dataDir.resolve("describes")));
    }
}
