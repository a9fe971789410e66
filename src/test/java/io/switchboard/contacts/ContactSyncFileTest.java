package io.switchboard.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.mapping.MappingProblem;
import io.switchboard.validate.Problem;
import io.switchboard.validate.ProjectValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/contact-sync.yaml: the shipped default map, and every problem of a bad file named with its line. */
class ContactSyncFileTest {
    @TempDir
    Path config;

    @Test
    void shouldShipTheDefaultMapAllBothWays() {
        ContactSync sync = ContactSyncFile.load(Path.of("config"), name -> null);

        assertEquals("cinnox", sync.source());
        assertEquals(List.of("firstName<->FirstName", "lastName<->LastName", "phones[0]<->Phone",
                "phones[1]<->MobilePhone", "emails[0]<->Email"), sync.fields().stream()
                .map(field -> field.source() + (field.direction() == Direction.BOTH ? "<->" : "?") + field.salesforceField())
                .toList());
        assertEquals(List.of("Phone", "MobilePhone"), sync.phoneFields());
        assertEquals(List.of("Email"), sync.emailFields());
        assertEquals(OnSourceDelete.UNLINK, sync.onSourceDelete());
    }

    @Test
    void shouldNameEveryBadEntryWithItsLine() throws Exception {
        Files.writeString(config.resolve(ContactSyncFile.NAME), """
                source: cinnox
                fields:
                  - {source: nickname, salesforce: FirstName, direction: both}
                  - {source: lastName, salesforce: "Last Name", direction: both}
                  - {source: "phones[0]", salesforce: Phone, direction: sideways}
                  - {source: "emails[0]", salesforce: Email, direction: both}
                  - {source: "emails[0]", salesforce: Email, direction: to-source}
                onSourceDelete: shred
                colour: blue
                """);

        List<String> problems = ContactSyncFile.validate(config, name -> null).stream()
                .map(problem -> problem.line() + ": " + problem.message()).toList();

        assertEquals(List.of(
                "9: colour: unknown setting 'colour'; expected one of source, connection, fields, match, onSourceDelete, "
                        + "delivery",
                "3: fields[0].source: 'nickname' is not a source contact field; expected firstName, lastName, company, "
                        + "phones[N], emails[N] or fields.NAME",
                "4: fields[1].salesforce: 'Last Name' is not a Salesforce field name: letters, digits and _ only, "
                        + "starting with a letter",
                "5: fields[2].direction: 'sideways' is not a direction; expected both, to-salesforce or to-source",
                "7: fields[4]: Contact field Email is mapped twice (first at line 6); keep one",
                "7: fields[4]: source field emails[0] (to the source) is mapped twice (first at line 6); keep one",
                "8: onSourceDelete: 'shred' is not a choice; expected unlink (the Contacts stay) or delete"), problems);
    }

    @Test
    void shouldRefuseASyncUrlThatIsNotHttpAndAnEnabledSyncWithoutItsSecret() throws Exception {
        Files.copy(ContactSyncFile.file(Path.of("config")), ContactSyncFile.file(config));
        for (String hostile : List.of("file:///etc/passwd", "ftp://platform.example/contacts", "javascript:alert(1)",
                "http://platform.example/${header.secret}", "http://user@platform.example/")) {
            List<String> problems = ContactSyncFile.validate(config, Map.of("SWITCHBOARD_CONTACT_SYNC_URL", hostile)::get)
                    .stream().map(MappingProblem::message).toList();
            assertEquals(List.of("delivery: SWITCHBOARD_CONTACT_SYNC_URL (url) must be an http or https URL such as "
                    + "https://platform.example/contacts, got '" + hostile + "'"), problems, hostile);
        }
        List<String> noSecret = ContactSyncFile.validate(config, Map.of("SWITCHBOARD_CONTACT_SYNC_ENABLED", "true",
                "SWITCHBOARD_CONTACT_SYNC_URL", "https://platform.example/contacts")::get).stream()
                .map(MappingProblem::message).toList();
        assertEquals(List.of("delivery: the sync is enabled but SWITCHBOARD_CONTACT_SYNC_SECRET is not set: deliveries "
                + "are signed with it, so it is required"), noSecret);
        assertEquals(List.of(), ContactSyncFile.validate(config, Map.of("SWITCHBOARD_CONTACT_SYNC_ENABLED", "true",
                "SWITCHBOARD_CONTACT_SYNC_URL", "https://platform.example/contacts",
                "SWITCHBOARD_CONTACT_SYNC_SECRET", "k")::get));
    }

    @Test
    void shouldHaveValidateRefuseASyncUrlThatIsNotHttp() {
        List<Problem> problems = new ProjectValidator(Path.of("").toAbsolutePath(), Map.of(
                "SWITCHBOARD_DATA_DIR", config.resolve("data").toString(),
                "SWITCHBOARD_CONTACT_SYNC_URL", "file:///etc/passwd")::get).validate().problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith(Path.of("config", ContactSyncFile.NAME)), problems.toString());
        assertTrue(problems.get(0).message().contains("must be an http or https URL"), problems.toString());
    }

    @Test
    void shouldNeverTakeTheSecretFromTheFileNorShowIt() throws Exception {
        Files.writeString(config.resolve(ContactSyncFile.NAME), """
                source: cinnox
                fields:
                  - {source: firstName, salesforce: FirstName, direction: both}
                delivery:
                  enabled: true
                  url: https://platform.example/contacts
                  secret: written-down-9f3
                """);

        List<MappingProblem> problems = ContactSyncFile.validate(config, name -> null);

        assertEquals(List.of("7: delivery.secret: the secret is never kept in a file; set SWITCHBOARD_CONTACT_SYNC_SECRET",
                "5: delivery: the sync is enabled but SWITCHBOARD_CONTACT_SYNC_SECRET is not set: deliveries are signed "
                        + "with it, so it is required"),
                problems.stream().map(problem -> problem.line() + ": " + problem.message()).toList());
        Files.writeString(config.resolve(ContactSyncFile.NAME), Files.readString(config.resolve(ContactSyncFile.NAME))
                .replace("  secret: written-down-9f3\n", ""));
        ContactSync sync = ContactSyncFile.load(config, Map.of("SWITCHBOARD_CONTACT_SYNC_SECRET", "from-env-77")::get);
        assertTrue(!sync.delivery().toString().contains("from-env-77"), sync.delivery().toString());
        assertEquals("from-env-77", sync.delivery().secret().reveal());
    }

    @Test
    void shouldAskForTheFileWhenItIsMissing() {
        List<MappingProblem> problems = ContactSyncFile.validate(config, name -> null);

        assertEquals(1, problems.size());
        assertEquals("file not found", problems.get(0).message());
    }
}
