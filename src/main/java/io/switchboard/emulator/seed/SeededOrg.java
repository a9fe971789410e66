package io.switchboard.emulator.seed;

import io.switchboard.emulator.records.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** The credentials and well-known records of the org the emulator starts with, for clients and tests. */
public final class SeededOrg {
    public static final String CLIENT_ID = "switchboard-emulator";
    public static final String CLIENT_SECRET = "emulator-secret";
    public static final String USERNAME = "integration@switchboard.example";
    public static final String PASSWORD = "emulator-password";
    public static final String SECURITY_TOKEN = "EMULATORTOKEN";
    public static final String REFRESH_TOKEN = "emulator-refresh-token";

    public static final String ORG_ID = Ids.of("00D", 1);

    /** The integration user: every login flow runs as it, and it holds the audit-field permission. */
    public static final String INTEGRATION_USER_ID = Ids.of("005", 1);
    public static final String AGENT_EMAIL = "agent.demo@example.com";
    public static final String AGENT_USER_ID = Ids.of("005", 2);
    /** The user customer-side chat comments are posted as. */
    public static final String CUSTOMER_COMMENT_EMAIL = "witiop.customer@example.com";
    public static final String CUSTOMER_COMMENT_USER_ID = Ids.of("005", 3);
    public static final String INACTIVE_EMAIL = "former.agent@example.com";
    public static final String INACTIVE_USER_ID = Ids.of("005", 4);

    public static final String ACME_ACCOUNT_ID = Ids.of("001", 1);
    public static final String CONTI_ACCOUNT_ID = Ids.of("001", 2);
    /** Maria Conti, whose phone is stored formatted as {@link #MARIA_CONTI_PHONE}. */
    public static final String MARIA_CONTI_ID = Ids.of("003", 1);
    public static final String MARIA_CONTI_PHONE = "+39 333 123 4567";
    public static final String LUCA_BIANCHI_ID = Ids.of("003", 2);
    public static final String GIULIA_VERDI_LEAD_ID = Ids.of("00Q", 1);
    public static final String GIULIA_VERDI_PHONE = "+39 06 1234 5678";
    public static final String SEEDED_CASE_ID = Ids.of("500", 1);
    public static final String SEEDED_CASE_NUMBER = "00001026";
    public static final String REFERRAL_ID = Ids.of("a0x", 1);
    public static final String REFERRAL_CX_ID = "CX-1001";

    /**
     * When every seeded record was created and last written: an org's existing data is older than the test that
     * reads it, so anything a test writes is more recent, and falls in replication windows the seed stays out of.
     */
    public static final String SEEDED_AT = "2026-01-05T09:00:00.000+0000";

    private SeededOrg() {
    }

    /**
     * The engine's {@code SF_*} variables for a username-password login to this org at {@code loginUrl}: what the
     * demo, the benchmark and the tests point the engine's default connection at.
     */
    public static Map<String, String> connectionVariables(String loginUrl) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SF_LOGIN_URL", loginUrl);
        variables.put("SF_CLIENT_ID", CLIENT_ID);
        variables.put("SF_CLIENT_SECRET", CLIENT_SECRET);
        variables.put("SF_USERNAME", USERNAME);
        variables.put("SF_PASSWORD", PASSWORD);
        variables.put("SF_SECURITY_TOKEN", SECURITY_TOKEN);
        return variables;
    }

    /**
     * The login variables and the customer comment user, so that a conversation's customer messages are written as
     * that user: everything the engine needs to run every behaviour against this org as the demo does.
     */
    public static Map<String, String> engineVariables(String loginUrl) {
        Map<String, String> variables = connectionVariables(loginUrl);
        variables.put("SF_CUSTOMER_COMMENT_USERNAME", CUSTOMER_COMMENT_EMAIL);
        return variables;
    }
}
