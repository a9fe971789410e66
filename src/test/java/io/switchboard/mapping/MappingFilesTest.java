package io.switchboard.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped mapping files load as the README describes, and broken ones are refused with file and line. */
class MappingFilesTest {
    private static final Set<String> CONNECTIONS = Set.of("default");
    private static final Path SHIPPED = Path.of("config");

    @TempDir
    Path config;

    @BeforeEach
    void copyShippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void shouldLoadTheShippedConversationDefaults() {
        ConversationClosedMapping conversation = MappingFiles.load(SHIPPED, CONNECTIONS).conversationClosed();
        assertEquals(List.of("Phone", "MobilePhone"), conversation.contactSearchFields());
        assertEquals("New", conversation.status());
        assertEquals("WhatsApp", conversation.origin().apply("whatsapp"));
        assertEquals(List.of("WhatsApp", "Email", "Web", "Phone"), List.copyOf(conversation.origin().values().values()));
        assertTrue(conversation.auditFields());
        AttachmentSettings attachments = conversation.attachments();
        assertEquals(AttachmentMode.UPLOAD, attachments.mode());
        assertTrue(attachments.allowedHosts().isEmpty(), "no host is allowed until an operator lists it");
        assertEquals(Duration.ofSeconds(30), attachments.timeout());
        assertEquals(3, attachments.maxAttempts());
        assertEquals(WhenUnavailable.FAIL, attachments.whenUnavailable());
        assertNull(conversation.customerCommentUser());
        assertEquals("witiop.customer@example.com", conversation.customerCommentUsername("witiop.customer@example.com"));
    }

    @Test
    void shouldLoadTheShippedCallTriggersAndConfigurations() {
        CallMapping call = MappingFiles.load(SHIPPED, CONNECTIONS).call();
        assertEquals(List.of("inbound-answered-in-queue", "outbound-answered"),
                call.triggers().stream().map(Trigger::name).toList());
        CallConfiguration inbound = call.configurations().get("inbound-call");
        assertEquals(TicketType.TASK, inbound.ticketType());
        assertEquals(SearchModule.CONTACT_LEAD, inbound.search());
        assertEquals("MobilePhone", inbound.extraField());
        assertEquals(CreateModule.NONE, inbound.create());
        assertEquals(List.of("Status", "TaskSubtype", "CallType", "CallObject", "CallDurationInSeconds", "ActivityDate"),
                inbound.fields().stream().map(FieldMapping::field).toList());
    }

    @Test
    void shouldLoadTheShippedReferralAndIntakeDefaults() {
        Mappings mappings = MappingFiles.load(SHIPPED, CONNECTIONS);
        ReferralMapping referral = mappings.referral();
        assertEquals("Referral__c", referral.object());
        assertEquals("Status__c", referral.statusField());
        assertEquals("Receiving_Firm__c", referral.receivingFirmField());
        assertNull(referral.cxIdField());
        assertEquals(List.of("Pending", "Under Evaluation", "Accepted", "Rejected", "Signed Up", "Closed"),
                referral.statuses());
        referral.statuses().forEach(status -> assertEquals(status, referral.statusMap().apply(status)));
        assertFalse(referral.poll().enabled());
        assertEquals("casexchange__CX_Intake__c", mappings.caseAcknowledged().object());
        assertEquals("casexchange__CX_Case_Id__c", mappings.caseAcknowledged().externalIdField());
        assertEquals(11, mappings.caseAcknowledged().fields().size());
    }

    @Test
    void shouldRefuseAStatusMapThatLeavesOutAListedStatusNamingTheMissingOnesAndTheLine() throws IOException {
        write(EventType.REFERRAL_STATUS_CHANGED, """
                object: Referral__c
                statusField: Status__c
                statuses: [Pending, Accepted, Signed Up, Closed]
                statusMap:
                  Pending: Pending
                  Accepted: Accepted
                """);
        MappingProblem problem = single();
        assertEquals(file(EventType.REFERRAL_STATUS_CHANGED), problem.file());
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("statusMap: does not map Signed Up, Closed"), problem.message());
    }

    @Test
    void shouldRefuseAnUnknownVariableAtLoadTimeListingTheKnownOnes() throws IOException {
        replace(EventType.CALL, "      - variable: queue\n      - variable: callerNumber",
                "      - variable: queue\n      - variable: callerNumbr");
        MappingProblem problem = single();
        assertEquals(lineOf(EventType.CALL, "callerNumbr"), problem.line());
        assertTrue(problem.message().startsWith("configurations.inbound-call.subject[2].variable: unknown variable 'callerNumbr';"
                + " a call event has source, callId"), problem.message());
    }

    @Test
    void shouldRefuseAnUnknownVariableInAWrittenTemplate() throws IOException {
        replace(EventType.CONVERSATION_CLOSED, "{conversationId}", "{conversation}");
        MappingProblem problem = single();
        assertEquals(lineOf(EventType.CONVERSATION_CLOSED, "{conversation}"), problem.line());
        assertTrue(problem.message().startsWith("case.subject: unknown variable 'conversation'"), problem.message());
    }

    @Test
    void shouldRefuseAnUnknownSearchModuleListingTheAllowedOnes() throws IOException {
        replace(EventType.CALL, "module: Contact&Lead\n      extraField: MobilePhone\n    create: none\n\n  outbound",
                "module: Contacts\n      extraField: MobilePhone\n    create: none\n\n  outbound");
        MappingProblem problem = single();
        assertEquals(lineOf(EventType.CALL, "module: Contacts"), problem.line());
        assertEquals("configurations.inbound-call.search.module: expected one of Contact, Lead, Account, Contact&Lead, "
                + "Contact&Lead&Account; got 'Contacts'", problem.message());
    }

    @Test
    void shouldRefuseATriggerNamingAMissingConfigurationOrConnection() throws IOException {
        replace(EventType.CALL, "    connection: default\n    configuration: outbound-call",
                "    connection: emea\n    configuration: outbound");
        List<MappingProblem> problems = MappingFiles.validate(config, CONNECTIONS);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(lineOf(EventType.CALL, "configuration: outbound\n"), problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("triggers[1].configuration: no configuration named 'outbound'"),
                problems.get(0).message());
        replace(EventType.CALL, "configuration: outbound\n", "configuration: outbound-call\n");
        MappingProblem connection = single();
        assertEquals(lineOf(EventType.CALL, "- name: outbound-answered"), connection.line());
        assertTrue(connection.message().contains("no connection named 'emea'; configured connections are default"),
                connection.message());
    }

    @Test
    void shouldRefuseAFieldValueWrittenWithTwoSources() throws IOException {
        replace(EventType.CASE_ACKNOWLEDGED, "{variable: caseType}", "{variable: caseType, string: Motor}");
        MappingProblem problem = single();
        assertEquals(lineOf(EventType.CASE_ACKNOWLEDGED, "caseType, string"), problem.line());
        assertEquals("fields.casexchange__Case_Type__c: expected exactly one of string, variable, customVariable, "
                + "picklist, got string, variable", problem.message());
    }

    @Test
    void shouldRefuseUnknownSettingsAndBadSwitches() throws IOException {
        replace(EventType.CONVERSATION_CLOSED, "auditFields: on", "auditFields: maybe\n  attachment: link");
        List<MappingProblem> problems = MappingFiles.validate(config, CONNECTIONS);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("comments.auditFields: expected on or off; got 'maybe'", problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("comments.attachment: unknown setting 'attachment'; expected "
                + "one of auditFields, customerCommentUser"), problems.get(1).message());
        assertEquals(problems.get(0).line() + 1, problems.get(1).line());
    }

    @Test
    void shouldSayWhereTheAttachmentModeHasMovedWhenAnOlderFileSetsItUnderComments() throws IOException {
        replace(EventType.CONVERSATION_CLOSED, "auditFields: on", "auditFields: on\n  attachments: link");
        MappingProblem problem = single();
        assertEquals(lineOf(EventType.CONVERSATION_CLOSED, "attachments: link"), problem.line());
        assertEquals("comments.attachments: has moved to attachments.mode, in a section of its own beside comments",
                problem.message());
    }

    @Test
    void shouldRefuseAttachmentSettingsOutOfShapeNamingEachWithItsLine() throws IOException {
        replace(EventType.CONVERSATION_CLOSED, "allowedHosts: []",
                "allowedHosts: [files.witiop.com, \"http://cdn.witiop.com\", 10.0.0.0/33, \"fd00::/8\"]");
        replace(EventType.CONVERSATION_CLOSED, "timeoutSeconds: 30", "timeoutSeconds: 0");
        replace(EventType.CONVERSATION_CLOSED, "maxAttempts: 3", "maxAttempts: many");
        replace(EventType.CONVERSATION_CLOSED, "whenUnavailable: fail", "whenUnavailable: retry");
        List<MappingProblem> problems = MappingFiles.validate(config, CONNECTIONS);
        String expected = "expected a host name such as files.example.com, *.example.com for its subdomains, an IP "
                + "address such as 203.0.113.7 or a CIDR range such as 10.20.0.0/16";
        assertEquals(List.of(
                "attachments.allowedHosts[1]: " + expected + "; got 'http://cdn.witiop.com'",
                "attachments.allowedHosts[2]: " + expected + "; got '10.0.0.0/33'",
                "attachments.timeoutSeconds: expected a whole number from 1 to 300; got '0'",
                "attachments.maxAttempts: expected a whole number from 1 to 10; got 'many'",
                "attachments.whenUnavailable: expected one of fail, link; got 'retry'"),
                problems.stream().map(MappingProblem::message).toList());
        int hostsLine = lineOf(EventType.CONVERSATION_CLOSED, "allowedHosts: [");
        assertEquals(List.of(hostsLine, hostsLine, lineOf(EventType.CONVERSATION_CLOSED, "timeoutSeconds: 0"),
                lineOf(EventType.CONVERSATION_CLOSED, "maxAttempts: many"),
                lineOf(EventType.CONVERSATION_CLOSED, "whenUnavailable: retry")),
                problems.stream().map(MappingProblem::line).toList());
    }

    @Test
    void shouldReadTheAllowedHostsAndTheOtherAttachmentSettings() throws IOException {
        replace(EventType.CONVERSATION_CLOSED, "allowedHosts: []", "allowedHosts:\n    - files.witiop.com\n    - 127.0.0.1");
        replace(EventType.CONVERSATION_CLOSED, "timeoutSeconds: 30", "timeoutSeconds: 2");
        replace(EventType.CONVERSATION_CLOSED, "whenUnavailable: fail", "whenUnavailable: LINK");
        AttachmentSettings attachments = MappingFiles.load(config, CONNECTIONS).conversationClosed().attachments();
        assertFalse(attachments.allowedHosts().isEmpty());
        assertEquals(Duration.ofSeconds(2), attachments.timeout());
        assertEquals(WhenUnavailable.LINK, attachments.whenUnavailable());
    }

    @Test
    void shouldReportInvalidYamlWithItsLine() throws IOException {
        write(EventType.CASE_ACKNOWLEDGED, "object: casexchange__CX_Intake__c\nfields:\n  a: [unclosed\n");
        MappingProblem problem = single();
        assertTrue(problem.message().startsWith("invalid YAML"), problem.message());
        assertTrue(problem.line() >= 3, problem.toString());
    }

    @Test
    void shouldRefuseABadCronAndAnEnabledPollWithoutUrl() throws IOException {
        replace(EventType.REFERRAL_STATUS_CHANGED, "enabled: false\n  # Quartz cron: seconds minutes hours "
                + "day-of-month month day-of-week\n  cron: \"0 0/5 * * * ?\"", "enabled: true\n  cron: every five minutes");
        List<MappingProblem> problems = MappingFiles.validate(config, CONNECTIONS);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("poll.cron: 'every five minutes' is not a Quartz cron"),
                problems.get(0).message());
        assertEquals("poll: enabled polling needs both 'cron' and 'url'", problems.get(1).message());
    }

    @Test
    void shouldReportEveryBrokenFileInOneRun() throws IOException {
        Files.delete(file(EventType.CALL));
        write(EventType.CASE_ACKNOWLEDGED, "fields: {}\n");
        MappingConfigException refused = assertThrows(MappingConfigException.class,
                () -> MappingFiles.load(config, CONNECTIONS));
        assertEquals(3, refused.problems().size(), refused.getMessage());
        assertTrue(refused.getMessage().contains("call.yaml: file not found"), refused.getMessage());
        assertTrue(refused.getMessage().contains("case-acknowledged.yaml:1: missing 'object'"), refused.getMessage());
    }

    private MappingProblem single() {
        List<MappingProblem> problems = MappingFiles.validate(config, CONNECTIONS);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private Path file(EventType type) {
        return MappingFiles.file(config, type);
    }

    private void write(EventType type, String text) throws IOException {
        Files.writeString(file(type), text);
    }

    private void replace(EventType type, String from, String to) throws IOException {
        String text = Files.readString(file(type));
        assertTrue(text.contains(from), "fixture text not found: " + from);
        Files.writeString(file(type), text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** The 1-based line on which {@code text} starts in the file. */
    private int lineOf(EventType type, String text) throws IOException {
        String content = Files.readString(file(type));
        int at = content.indexOf(text);
        assertTrue(at >= 0, "not in file: " + text);
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
