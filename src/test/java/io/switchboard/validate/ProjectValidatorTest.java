package io.switchboard.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import io.switchboard.mapping.FieldDescription;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.referrals.ReferralSendFile;
import io.switchboard.schema.SavedDescribe;
import io.switchboard.schema.SavedDescribes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectValidatorTest {
    @TempDir
    Path home;

    @BeforeEach
    void createLayout() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("config/application.properties"), "switchboard.port = 8080\n");
        for (EventType type : EventType.values()) {
            // several types share one file (contact-changed and contact-delivery: contact-sync.yaml)
            Files.copy(MappingFiles.file(Path.of("config"), type), MappingFiles.file(home.resolve("config"), type),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<Problem> validate() {
        return new ProjectValidator(home, Map.<String, String>of()::get).validate().problems();
    }

    private void route(String fileName, String yaml) throws Exception {
        Files.writeString(home.resolve("routes").resolve(fileName), yaml);
    }

    @Test
    void shouldAcceptTheShippedProject() {
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", home.resolve("data").toString());
        List<Problem> problems = new ProjectValidator(Path.of("").toAbsolutePath(), env::get).validate().problems();
        assertEquals(List.of(), problems);
    }

    // a setting with a bad value passed validate and failed only at start-up
    @Test
    void shouldReportEverySettingWithABadValueAtItsLine() throws Exception {
        Files.writeString(home.resolve("config/application.properties"), """
                switchboard.port = 8080
                switchboard.worker.concurrency = eight
                switchboard.api-pause-share = 2
                switchboard.connection.emea.api-version = latest
                """);
        Path file = home.resolve("config/application.properties");
        assertEquals(List.of(
                new Problem(file, 2, "switchboard.worker.concurrency must be a whole number from 1 to 256, got 'eight'"),
                new Problem(file, 3, "switchboard.api-pause-share must be a share of the allowance above 0 and at most "
                        + "1, such as 0.95, got '2'"),
                new Problem(file, 4, "switchboard.connection.emea.api-version must be an API version such as 62.0, "
                        + "got 'latest'")), validate());
    }

    @Test
    void shouldReportABadValueGivenByItsVariable() {
        List<Problem> problems = new ProjectValidator(home, Map.of("SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "soon")::get)
                .validate().problems();
        assertEquals(List.of(new Problem(home.resolve("config"), 0, "SWITCHBOARD_WORKER_POLL_INTERVAL_MS "
                + "(switchboard.worker.poll-interval-ms) must be a whole number of milliseconds from 10 to 3600000, "
                + "got 'soon'")), problems);
    }

    @Test
    void shouldAcceptAValidRouteNamedAfterItsFile() throws Exception {
        route("ping.camel.yaml", """
                - route:
                    id: ping
                    from:
                      uri: timer:ping
                      steps:
                        - log: pong
                """);
        assertEquals(List.of(), validate());
    }

    // an edit naming an unknown bean or endpoint option passed validate and failed only when the route started
    @Test
    void shouldReportStepsNamingAnUnknownBeanOrEndpointOptionAtTheirLine() throws Exception {
        route("steps.camel.yaml", """
                - route:
                    id: steps
                    from:
                      uri: direct:steps
                      steps:
                        - process:
                            ref: lookupCallAgnt
                        - bean:
                            ref: mappings
                            method: teleport
                        - to:
                            uri: salesforce:updateSObject
                            parameters:
                              rawPayload: true
                              sObjectNmae: Case
                        - to:
                            uri: "{{switchboard.no-such-setting}}"
                        - toD:
                            uri: "nosuchcomponent:${header.x}"
                """);
        Path file = home.resolve("routes/steps.camel.yaml");
        List<Problem> problems = validate();
        assertEquals(List.of(
                new Problem(file, 6, "no bean named 'lookupCallAgnt' is bound (did you mean 'lookupCallAgent'?)"),
                new Problem(file, 8, "bean 'mappings' has no method 'teleport'"),
                new Problem(file, 11, "endpoint salesforce:updateSObject?rawPayload=true&sObjectNmae=Case cannot be used: "
                        + "There are 1 parameters that couldn't be set on the endpoint. Check the uri if the parameters "
                        + "are spelt correctly and that they are properties of the endpoint. "
                        + "Unknown parameters=[{sObjectNmae=Case}]"),
                new Problem(file, 16, "Property with key [switchboard.no-such-setting] not found in properties from text: "
                        + "{{switchboard.no-such-setting}}"),
                new Problem(file, 18, "no component 'nosuchcomponent' for endpoint nosuchcomponent:${header.x}")),
                problems);
    }

    @Test
    void shouldReportBrokenYamlWithItsLine() throws Exception {
        route("broken.camel.yaml", """
                - route:
                    id: broken
                    from:
                      uri: "timer:x
                """);
        List<Problem> problems = validate();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith("routes/broken.camel.yaml"));
        assertTrue(problems.get(0).line() >= 4, problems.toString());
        assertTrue(problems.get(0).message().startsWith("invalid YAML"), problems.toString());
    }

    @Test
    void shouldReportAnUnknownStepThatCamelRefuses() throws Exception {
        route("odd.camel.yaml", """
                - route:
                    id: odd
                    from:
                      uri: timer:x
                      steps:
                        - teleport: somewhere
                """);
        List<Problem> problems = validate();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("not a valid Camel YAML route"), problems.toString());
    }

    @Test
    void shouldReportRouteIdsThatDoNotMatchTheFileOrRepeat() throws Exception {
        route("first.camel.yaml", """
                - route:
                    id: shared
                    from:
                      uri: timer:a
                      steps:
                        - log: a
                """);
        route("second.camel.yaml", """
                - route:
                    id: shared
                    from:
                      uri: timer:b
                      steps:
                        - log: b
                """);
        List<Problem> problems = validate();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("should be the file name 'first'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("'shared' is already used")), problems.toString());
    }

    @Test
    void shouldReportConfigProblemsWithFileAndLine() throws Exception {
        Files.writeString(home.resolve("config/application.properties"), "switchboard.port = 8080\nnot a setting\n");
        List<Problem> problems = validate();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().endsWith("application.properties:2: expected 'key = value', found 'not a setting'"),
                problems.toString());
    }

    @Test
    void shouldReportAnIncompleteStatusMapWithFileAndLine() throws Exception {
        Path referral = MappingFiles.file(home.resolve("config"), EventType.REFERRAL_STATUS_CHANGED);
        Files.writeString(referral, Files.readString(referral).replace("  Closed: Closed\n", ""));
        List<Problem> problems = validate();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(referral, problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("statusMap: does not map Closed"), problems.toString());
    }

    @Test
    void shouldReportBrokenYamlConfigFiles() throws Exception {
        Files.writeString(home.resolve("config/mapping.yaml"), "a: [1, 2\n");
        List<Problem> problems = validate();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith("config/mapping.yaml"));
    }

    @Test
    void shouldSayHowOldTheSavedDescribesAreAndWhichObjectsTheyLack() {
        Instant fetched = Instant.parse("2026-12-02T01:40:00Z");
        FieldDescription name = new FieldDescription("Name", "string", 80, true, true, false, false, List.of());
        new SavedDescribes(home.resolve("data"), "default").save(new SavedDescribe("default", "Referral__c", fetched,
                "https://acme.my.salesforce.com", "62.0",
                Optional.of(new SObjectDescription("Referral__c", Map.of("Name", name)))));
        Clock threeHoursLater = Clock.fixed(fetched.plus(Duration.ofHours(3).plusMinutes(20)), ZoneOffset.UTC);

        ProjectValidator.Validation validation =
                new ProjectValidator(home, Map.<String, String>of()::get, threeHoursLater).validate();

        // the referral mapping and the referral send both name Referral__c fields this saved describe lacks
        Set<Path> referralFiles = Set.of(MappingFiles.file(home.resolve("config"), EventType.REFERRAL_STATUS_CHANGED),
                ReferralSendFile.file(home.resolve("config")));
        assertFalse(validation.problems().isEmpty());
        assertTrue(validation.problems().stream().allMatch(problem -> referralFiles.contains(problem.file())
                && problem.message().contains("no such field on Referral__c")), validation.problems().toString());
        assertEquals(referralFiles, validation.problems().stream().map(Problem::file).collect(Collectors.toSet()));
        assertEquals(List.of(
                "Field checks used the describes check-connection saved for 'default' 3 h ago (data/describes/default, "
                        + "from https://acme.my.salesforce.com).",
                "Salesforce fields of Case, Contact, Lead, Task, casexchange__CX_Intake__c on connection 'default' were "
                        + "not checked: check-connection saved no readable describe of them; run check-connection again."),
                validation.notes());
    }
}
