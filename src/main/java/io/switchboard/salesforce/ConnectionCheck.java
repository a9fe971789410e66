package io.switchboard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.internal.SalesforceSession;

/**
 * Logs in to one connection through its camel-salesforce component and reads what an operator needs to know
 * before sending events there: who we are, which API version the org serves, how much of the daily API
 * allowance is used, and whether this user may set audit fields (which the conversation behaviour relies on).
 */
public final class ConnectionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Share of the daily allowance above which the report warns; events would soon be paused. */
    private static final double USAGE_WARNING_SHARE = 0.9;

    private final CamelContext camelContext;
    private final ConnectionSettings settings;

    public ConnectionCheck(CamelContext camelContext, ConnectionSettings settings) {
        this.camelContext = camelContext;
        this.settings = settings;
    }

    /** The result of one check, printable line by line; the org's fields are null when the login failed. */
    public record Report(String connection, String loginUrl, String authType, String orgId, String instanceUrl,
                         String userId, String username, String apiVersion, boolean versionServed, long apiUsed, long apiMax,
                         boolean auditFieldsAllowed, List<String> problems) {

        public boolean usable() {
            return problems.isEmpty();
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("connection      " + connection + " (" + authType + " at " + loginUrl + ")");
            if (orgId == null) {
                lines.add("login           FAILED");
            } else {
                lines.add("login           ok");
                lines.add("org id          " + orgId);
                lines.add("instance        " + instanceUrl);
                lines.add("user            " + username + " (" + userId + ")");
                lines.add("api version     " + apiVersion + (versionServed ? " (served by the org)" : " (NOT served by the org)"));
                lines.add(String.format("api usage       %d of %d daily requests used (%.1f%%), %d remaining",
                        apiUsed, apiMax, apiMax == 0 ? 0.0 : 100.0 * apiUsed / apiMax, apiMax - apiUsed));
                lines.add("audit fields    " + (auditFieldsAllowed
                        ? "this user may set CreatedDate/CreatedById on insert"
                        : "NOT permitted: enable 'Set Audit Fields upon Record Creation' (Setup > User Interface) "
                          + "and grant that permission to this user"));
            }
            for (String problem : problems) {
                lines.add("problem         " + problem);
            }
            lines.add("result          " + (usable() ? "usable" : "NOT usable"));
            return lines;
        }
    }

    public Report run() {
        List<String> problems = new ArrayList<>();
        SalesforceSession session = camelContext.getComponent(settings.componentName(), SalesforceComponent.class).getSession();
        try {
            session.login(session.getAccessToken());
        } catch (Exception e) {
            problems.add(LoginDiagnosis.explain(settings, e));
            return new Report(settings.name(), settings.loginUrl(), String.valueOf(settings.authType()), null, null,
                    null, null, settings.apiVersion(), false, 0, 0, false, problems);
        }
        String userId = lastPathElement(session.getId());
        try (ProducerTemplate template = camelContext.createProducerTemplate()) {
            boolean versionServed = versionServed(template);
            if (!versionServed) {
                problems.add("the org does not serve API version " + settings.apiVersion() + "; set a version it lists");
            }
            JsonNode apiRequests = read(template, "limits", null).path("DailyApiRequests");
            long max = apiRequests.path("Max").asLong();
            long used = max - apiRequests.path("Remaining").asLong();
            if (max > 0 && used >= max * USAGE_WARNING_SHARE) {
                problems.add(String.format("daily API usage is at %d of %d; events will be paused near the limit", used, max));
            }
            boolean auditAllowed = auditFieldsAllowed(template);
            String username = username(template, userId);
            return new Report(settings.name(), settings.loginUrl(), String.valueOf(settings.authType()),
                    session.getOrgId(), session.getInstanceUrl(), userId, username, settings.apiVersion(),
                    versionServed, used, max, auditAllowed, problems);
        } catch (Exception e) {
            problems.add("logged in, but reading the org failed: " + e.getMessage());
            return new Report(settings.name(), settings.loginUrl(), String.valueOf(settings.authType()),
                    session.getOrgId(), session.getInstanceUrl(), userId, null, settings.apiVersion(), false, 0, 0,
                    false, problems);
        }
    }

    private boolean versionServed(ProducerTemplate template) throws Exception {
        JsonNode versions = read(template, "raw", "rawPath=/services/data/&rawMethod=GET");
        for (JsonNode version : versions) {
            if (settings.apiVersion().equals(version.path("version").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Salesforce's describe marks CreatedDate createable exactly when this user may set audit fields. */
    private boolean auditFieldsAllowed(ProducerTemplate template) throws Exception {
        JsonNode describe = read(template, "getDescription", "sObjectName=Case");
        for (JsonNode field : describe.path("fields")) {
            if ("CreatedDate".equals(field.path("name").asText())) {
                return field.path("createable").asBoolean();
            }
        }
        return false;
    }

    private String username(ProducerTemplate template, String userId) throws Exception {
        JsonNode user = read(template, "getSObject", "sObjectName=User&sObjectId=" + userId + "&sObjectFields=Username");
        return user.path("Username").asText(null);
    }

    private JsonNode read(ProducerTemplate template, String operation, String options) throws Exception {
        String uri = settings.componentName() + ":" + operation + (options == null ? "" : "?" + options);
        String answer = template.requestBody(uri, null, String.class);
        return JSON.readTree(answer);
    }

    private static String lastPathElement(String idUrl) {
        return idUrl.substring(idUrl.lastIndexOf('/') + 1);
    }
}
