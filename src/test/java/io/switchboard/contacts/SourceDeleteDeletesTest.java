package io.switchboard.contacts;

import static io.switchboard.contacts.ContactEvents.change;
import static io.switchboard.contacts.ContactEvents.records;
import static io.switchboard.contacts.ContactEvents.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code onSourceDelete: delete}, a contact deleted on the source takes its linked Contacts with it. */
class SourceDeleteDeletesTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().onProjectCopy(home -> {
        Path file = home.resolve("config").resolve(ContactSyncFile.NAME);
        Files.writeString(file, Files.readString(file).replace("onSourceDelete: unlink", "onSourceDelete: delete"));
    });

    @Test
    void shouldDeleteTheLinkedContactsThenUnlinkThem() throws Exception {
        run(rig.engine(), change("ext-delete", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567",
                "+393471112233"), List.of()));

        JsonNode done = run(rig.engine(), change("ext-delete", "deleted", "2026-11-21T10:00:00Z", List.of(), List.of()));

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " deleted", "Contact " + SeededOrg.MARIA_CONTI_ID
                        + " unlinked", "Contact " + SeededOrg.LUCA_BIANCHI_ID + " deleted", "Contact "
                        + SeededOrg.LUCA_BIANCHI_ID + " unlinked"), records(done).stream().sorted().toList());
        List<Object> left = rig.emulator().admin().records("Contact").stream().map(record -> record.get("Id")).toList();
        assertEquals(false, left.contains(SeededOrg.MARIA_CONTI_ID), left.toString());
        assertEquals(false, left.contains(SeededOrg.LUCA_BIANCHI_ID), left.toString());
        assertEquals(404, rig.engine().get("/contacts/cinnox/ext-delete").statusCode());
    }
}
