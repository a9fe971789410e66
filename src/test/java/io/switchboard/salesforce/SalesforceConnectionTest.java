package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real camel-salesforce component, configured from the shipped config/ files and SF_* variables, talking to
 * the emulator over HTTP: every OAuth flow, re-login after session expiry, and the check-connection report.
 */
class SalesforceConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JWT_KEYSTORE = Path.of("src/test/resources/emulator/jwt-test.p12");
    private static final String USER_QUERY = "SELECT Id, Username FROM User WHERE Username = '" + SeededOrg.USERNAME + "'";

    private static SalesforceEmulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        String certificate = Files.readString(Path.of("src/test/resources/emulator/jwt-test-certificate.pem"));
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0).withJwtCertificatePem(certificate));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.admin().reset();
        emulator.admin().clearRequests();
    }

    private static Map<String, String> environment(AuthenticationType flow) {
        Map<String, String> env = new HashMap<>();
        env.put("SF_LOGIN_URL", emulator.baseUrl());
        env.put("SF_CLIENT_ID", SeededOrg.CLIENT_ID);
        env.put("SF_AUTH_TYPE", flow.name());
        switch (flow) {
            case USERNAME_PASSWORD -> {
                env.put("SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
                env.put("SF_USERNAME", SeededOrg.USERNAME);
                env.put("SF_PASSWORD", SeededOrg.PASSWORD);
                env.put("SF_SECURITY_TOKEN", SeededOrg.SECURITY_TOKEN);
            }
            case REFRESH_TOKEN -> {
                env.put("SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
                env.put("SF_REFRESH_TOKEN", SeededOrg.REFRESH_TOKEN);
            }
            case CLIENT_CREDENTIALS -> env.put("SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
            case JWT -> {
                env.put("SF_USERNAME", SeededOrg.USERNAME);
                env.put("SF_JWT_KEYSTORE", JWT_KEYSTORE.toAbsolutePath().toString());
                env.put("SF_JWT_KEYSTORE_PASSWORD", "emulator");
            }
        }
        return env;
    }

    private static ConnectionSettings connection(Map<String, String> env) {
        return Connections.load(Configuration.load(Path.of("config"), env::get)).get("default");
    }

    private static JsonNode query(DefaultCamelContext context, String soql) throws Exception {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            return JSON.readTree(template.requestBody("salesforce:query?sObjectQuery=" + soql, null, String.class));
        }
    }

    private static DefaultCamelContext started(ConnectionSettings settings) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        context.start();
        return context;
    }

    private static List<RequestLogEntry> requests(String method, String path) {
        return emulator.admin().requests().stream()
                .filter(entry -> entry.method().equals(method) && entry.path().startsWith(path)).toList();
    }

    @ParameterizedTest
    @EnumSource(AuthenticationType.class)
    void shouldLogInWithEveryOAuthFlowAndQuery(AuthenticationType flow) throws Exception {
        ConnectionSettings settings = connection(environment(flow));
        assertEquals(flow, settings.authType());
        try (DefaultCamelContext context = started(settings)) {
            JsonNode answer = query(context, USER_QUERY);
            assertEquals(1, answer.path("totalSize").asInt(), answer.toString());
            assertEquals(SeededOrg.INTEGRATION_USER_ID, answer.path("records").path(0).path("Id").asText());
        }
        List<RequestLogEntry> logins = requests("POST", "/services/oauth2/token");
        assertEquals(1, logins.size(), logins.toString());
        assertEquals(200, logins.get(0).status());
    }

    @Test
    void shouldLogInAgainAtTheInstanceUrlAndRetryWhenTheSessionExpiresMidRun() throws Exception {
        try (DefaultCamelContext context = started(connection(environment(AuthenticationType.USERNAME_PASSWORD)))) {
            assertEquals(1, query(context, USER_QUERY).path("totalSize").asInt());
            emulator.admin().expireSessions();

            JsonNode afterExpiry = query(context, USER_QUERY);

            assertEquals(1, afterExpiry.path("totalSize").asInt(), afterExpiry.toString());
        }
        List<RequestLogEntry> queries = requests("GET", "/services/data/v62.0/query");
        assertEquals(List.of(200, 401, 200), queries.stream().map(RequestLogEntry::status).toList());
        List<RequestLogEntry> logins = requests("POST", "/services/oauth2/token");
        assertEquals(2, logins.size(), logins.toString());
        assertEquals("127.0.0.1:" + emulator.port(), logins.get(0).host(), "first login goes to the login URL");
        assertEquals("localhost:" + emulator.port(), logins.get(1).host(), "re-login goes to the instance URL");
    }

    @Test
    void shouldReportAuditFieldPermissionAndApiUsage() throws Exception {
        ConnectionSettings settings = connection(environment(AuthenticationType.USERNAME_PASSWORD));
        emulator.admin().apiLimit(5000, 1200);
        emulator.admin().auditPermission(SeededOrg.USERNAME, false);

        ConnectionCheck.Report withoutAudit = check(settings);

        assertFalse(withoutAudit.auditFieldsAllowed());
        assertEquals(5000, withoutAudit.apiMax());
        assertTrue(withoutAudit.apiUsed() > 1200 && withoutAudit.apiUsed() <= emulator.admin().apiUsed(),
                withoutAudit.apiUsed() + " used, emulator counted " + emulator.admin().apiUsed());
        assertEquals(SeededOrg.ORG_ID, withoutAudit.orgId());
        assertEquals(SeededOrg.USERNAME, withoutAudit.username());
        assertTrue(String.join("\n", withoutAudit.lines()).contains("audit fields    NOT permitted: enable "
                + "'Set Audit Fields upon Record Creation'"), String.join("\n", withoutAudit.lines()));

        emulator.admin().auditPermission(SeededOrg.USERNAME, true);
        ConnectionCheck.Report withAudit = check(settings);
        assertTrue(withAudit.auditFieldsAllowed());
        assertTrue(withAudit.usable(), withAudit.problems().toString());
    }

    @Test
    void shouldFlagAnOrgNearItsDailyAllowance() throws Exception {
        emulator.admin().apiLimit(1000, 950);
        ConnectionCheck.Report report = check(connection(environment(AuthenticationType.USERNAME_PASSWORD)));
        assertFalse(report.usable());
        assertTrue(report.problems().get(0).startsWith("daily API usage is at 95"), report.problems().toString());
    }

    @Test
    void shouldExplainAWrongSecurityTokenWithHostAndFlow() throws Exception {
        Map<String, String> env = environment(AuthenticationType.USERNAME_PASSWORD);
        env.remove("SF_SECURITY_TOKEN");
        ConnectionCheck.Report report = check(connection(env));
        assertFalse(report.usable());
        String problem = report.problems().get(0);
        assertTrue(problem.startsWith("Login for connection 'default' at " + emulator.baseUrl()
                + " with the USERNAME_PASSWORD flow failed"), problem);
        assertTrue(problem.contains("invalid_grant"), problem);
        assertTrue(problem.contains("no security token is set"), problem);
        assertFalse(problem.contains(SeededOrg.PASSWORD), "the password never appears: " + problem);
    }

    @Test
    void shouldExplainABlockedUsernamePasswordFlow() throws Exception {
        emulator.admin().blockGrant("password", true);
        ConnectionCheck.Report report = check(connection(environment(AuthenticationType.USERNAME_PASSWORD)));
        assertFalse(report.usable());
        assertTrue(report.problems().get(0).contains("username-password flow is blocked"), report.problems().toString());
        emulator.admin().blockGrant("password", false);
    }

    @Test
    void shouldExplainAnUnknownConsumerKey() throws Exception {
        Map<String, String> env = environment(AuthenticationType.CLIENT_CREDENTIALS);
        env.put("SF_CLIENT_ID", "someone-elses-app");
        ConnectionCheck.Report report = check(connection(env));
        assertTrue(report.problems().get(0).contains("consumer key is not known at this host"), report.problems().toString());
    }

    private static ConnectionCheck.Report check(ConnectionSettings settings) throws Exception {
        try (DefaultCamelContext context = started(settings)) {
            return new ConnectionCheck(context, settings).run();
        }
    }
}
