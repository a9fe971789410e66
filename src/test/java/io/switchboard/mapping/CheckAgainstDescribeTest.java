package io.switchboard.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.testing.EmulatedOrg;
import io.switchboard.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping files checked against the emulated org's describe over HTTP. */
class CheckAgainstDescribeTest {
    private static final Path FILE = Path.of("config/call.yaml");
    private static EmulatedOrg org;
    private CheckAgainstDescribe check;

    @TempDir
    Path config;

    @BeforeAll
    static void start() {
        org = new EmulatedOrg();
    }

    @AfterAll
    static void stop() throws Exception {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.admin().reset();
        check = new CheckAgainstDescribe(live());
    }

    @Test
    void shouldAcceptTheShippedMappingsAgainstTheSeededOrg() {
        Mappings mappings = MappingFiles.load(Path.of("config"), Set.of("default"));
        assertEquals(List.of(), MappingUseCheck.run(live(), mappings).problems());
    }

    @Test
    void shouldRefuseAnUnknownField() {
        assertEquals(List.of(new MappingProblem(FILE, 7, "Task.CallDuration: no such field on Task")),
                checkTask(new FieldUse("CallDuration", 7, FieldUse.Purpose.CREATE, List.of())));
    }

    @Test
    void shouldRefuseAFieldOfATypeAMappingMayNotFill() {
        assertEquals(List.of(new MappingProblem(FILE, 8, "Task.WhoId: is a reference field; a mapping may fill only "
                        + "string (or combobox), int, double, picklist, boolean, email, textarea, phone, date, datetime fields")),
                checkTask(new FieldUse("WhoId", 8, FieldUse.Purpose.CREATE, List.of())));
    }

    // found by an independent check: check-connection called config/call.yaml NOT usable against a real describe
    @Test
    void shouldAcceptAComboboxSubjectWithAnyTextAsAStringField() {
        assertEquals(List.of(), checkTask(new FieldUse("Subject", 8, FieldUse.Purpose.CREATE, List.of("[xCALLY Ticket]"))));
    }

    @Test
    void shouldRefuseAPicklistValueThatIsNotActiveListingTheAllowedOnes() {
        assertEquals(List.of(new MappingProblem(FILE, 9, "Task.CallType: 'Incoming' is not an active picklist value; "
                        + "allowed values are Inbound, Outbound, Internal")),
                checkTask(new FieldUse("CallType", 9, FieldUse.Purpose.CREATE, List.of("Incoming"))));
    }

    @Test
    void shouldRefuseWritingAReadOnlyFieldAndUpsertingByAFieldThatIsNoExternalId() {
        ObjectUse use = new ObjectUse(FILE, 3, "default", "casexchange__CX_Intake__c", List.of(
                FieldUse.of("Name", 4, FieldUse.Purpose.UPSERT),
                FieldUse.of("casexchange__Status__c", 5, FieldUse.Purpose.EXTERNAL_ID)));
        assertEquals(List.of(
                new MappingProblem(FILE, 4, "casexchange__CX_Intake__c.Name: cannot be set when a record is created "
                        + "(not createable for this user)"),
                new MappingProblem(FILE, 5, "casexchange__CX_Intake__c.casexchange__Status__c: is not an external id "
                        + "field; an upsert needs one")), check.check(use));
    }

    @Test
    void shouldRefuseAnObjectTheOrgDoesNotHave() {
        ObjectUse use = new ObjectUse(FILE, 2, "default", "Referal__c", List.of());
        assertEquals(List.of(new MappingProblem(FILE, 2, "the org of connection 'default' has no object Referal__c")),
                check.check(use));
    }

    @Test
    void shouldNameTheConfigFileAndLineOfAWrongPicklistValue() throws IOException {
        copyShippedFiles();
        Path call = config.resolve("call.yaml");
        String text = Files.readString(call).replace("CallType: {picklist: Outbound}", "CallType: {picklist: Outgoing}");
        Files.writeString(call, text);
        int line = (int) text.substring(0, text.indexOf("Outgoing")).chars().filter(c -> c == '\n').count() + 1;
        List<MappingProblem> problems = MappingUseCheck.run(live(), MappingFiles.load(config, Set.of("default"))).problems();
        assertEquals(List.of(new MappingProblem(call, line, "Task.CallType: 'Outgoing' is not an active picklist value; "
                + "allowed values are Inbound, Outbound, Internal")), problems);
    }

    @Test
    void shouldDescribeEachObjectOncePerConnection() {
        org.admin().clearRequests();
        checkTask(FieldUse.of("Subject", 1, FieldUse.Purpose.CREATE));
        checkTask(FieldUse.of("Description", 1, FieldUse.Purpose.CREATE));
        assertEquals(1, org.calls("GET /sobjects/{type}/describe"));
    }

    @Test
    void shouldDescribeAgainOnceTheDescriptionHasExpired() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        Describes describes = new Describes(Duration.ofHours(1), clock);
        org.admin().clearRequests();
        describes.describe(org.client(), "Task");
        clock.advance(Duration.ofMinutes(59));
        describes.describe(org.client(), "Task");
        assertEquals(1, org.calls("GET /sobjects/{type}/describe"));
        clock.advance(Duration.ofMinutes(2));
        describes.describe(org.client(), "Task");
        assertEquals(2, org.calls("GET /sobjects/{type}/describe"));
    }

    private List<MappingProblem> checkTask(FieldUse field) {
        return check.check(new ObjectUse(FILE, 1, "default", "Task", List.of(field)));
    }

    private static DescribeSource live() {
        return new LiveDescribes(new Describes(), org.client());
    }

    private void copyShippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
    }
}
