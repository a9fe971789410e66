package io.switchboard.emulator.auth;

import static io.switchboard.emulator.seed.SeededOrg.CLIENT_ID;
import static io.switchboard.emulator.seed.SeededOrg.CLIENT_SECRET;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.ORG_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFRESH_TOKEN;
import static io.switchboard.emulator.seed.SeededOrg.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthTest extends EmulatorFixture {

    private static Map<String, String> passwordForm() {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "username", USERNAME, "password",
                EmulatorClient.passwordWithToken()));
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private void assertOAuthError(Answer answer, String error, String description) {
        assertEquals(400, answer.status());
        assertEquals(error, answer.json().get("error").asText());
        assertEquals(description, answer.json().get("error_description").asText());
    }

    @Test
    void shouldAnswerThePasswordFlowLikeSalesforce() {
        Answer answer = client.token(passwordForm());

        assertEquals(200, answer.status());
        assertEquals("http://localhost:" + emulator.port(), answer.json().get("instance_url").asText());
        assertEquals(emulator.baseUrl() + "/id/" + ORG_ID + "/" + INTEGRATION_USER_ID, answer.json().get("id").asText());
        assertEquals(18, ORG_ID.length());
        assertTrue(ORG_ID.startsWith("00D"));
        assertEquals("Bearer", answer.json().get("token_type").asText());
        assertTrue(answer.json().get("issued_at").isTextual());
        assertTrue(answer.json().get("issued_at").asText().matches("\\d{13}"));
        assertFalse(answer.json().get("signature").asText().isEmpty());
        assertTrue(answer.json().get("access_token").asText().startsWith(ORG_ID.substring(0, 15) + "!"));
        assertFalse(answer.json().has("refresh_token"));
    }

    @Test
    void shouldRefuseAPasswordWithoutTheSecurityToken() {
        assertOAuthError(client.token(with(passwordForm(), "password", SeededOrg.PASSWORD)),
                "invalid_grant", "authentication failure");
    }

    @Test
    void shouldRefuseAnUnknownUser() {
        assertOAuthError(client.token(with(passwordForm(), "username", "nobody@example.com")),
                "invalid_grant", "authentication failure");
    }

    @Test
    void shouldRefuseAnUnknownClientId() {
        assertOAuthError(client.token(with(passwordForm(), "client_id", "someone-else")),
                "invalid_client_id", "client identifier invalid");
    }

    @Test
    void shouldRefuseAWrongClientSecret() {
        assertOAuthError(client.token(with(passwordForm(), "client_secret", "wrong")),
                "invalid_client", "invalid client credentials");
    }

    @Test
    void shouldRefuseAnUnsupportedGrantType() {
        assertOAuthError(client.token(with(passwordForm(), "grant_type", "authorization_code")),
                "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void shouldRefuseAnInactiveUser() {
        assertOAuthError(client.token(with(passwordForm(), "username", SeededOrg.INACTIVE_EMAIL)),
                "invalid_grant", "authentication failure");
    }

    @Test
    void shouldRefuseABlockedGrantAsAnAuthenticationFailure() {
        emulator.admin().blockGrant("password", true);

        assertOAuthError(client.token(passwordForm()), "invalid_grant", "authentication failure");
    }

    @Test
    void shouldLogInWithTheSeededRefreshToken() {
        Answer answer = client.token(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));

        assertEquals(200, answer.status());
        assertEquals(emulator.baseUrl() + "/id/" + ORG_ID + "/" + INTEGRATION_USER_ID, answer.json().get("id").asText());
    }

    @Test
    void shouldRefuseAnUnknownRefreshToken() {
        assertOAuthError(client.token(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "refresh_token", "not-issued")), "invalid_grant", "expired access/refresh token");
    }

    @Test
    void shouldRunClientCredentialsAsTheIntegrationUser() {
        Answer answer = client.token(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));

        assertEquals(200, answer.status());
        assertTrue(answer.json().get("id").asText().endsWith("/" + INTEGRATION_USER_ID));
    }

    @Test
    void shouldAcceptBothBearerAndOAuthAuthorizationHeaders() {
        String token = client.accessToken();

        assertEquals(200, client.raw("GET", "/services/data/v60.0/limits", null, "Bearer " + token).status());
        assertEquals(200, client.raw("GET", "/services/data/v60.0/limits", null, "OAuth " + token).status());
    }

    @Test
    void shouldRefuseMissingOrUnknownSessions() {
        for (String authorization : new String[] {null, "Bearer unknown", "Basic abc"}) {
            Answer answer = client.raw("GET", "/services/data/v60.0/limits", null, authorization);
            assertEquals(401, answer.status());
            assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]",
                    answer.response().body());
        }
    }

    @Test
    void shouldExpireAllSessionsOnDemand() {
        emulator.admin().expireSessions();

        assertEquals(401, client.get("/limits").status());
    }

    @Test
    void shouldExpireOnlyTheSessionsOfOneUser() {
        Answer agentLogin = client.token(with(passwordForm(), "username", SeededOrg.AGENT_EMAIL));
        String agentToken = agentLogin.json().get("access_token").asText();

        emulator.admin().expireSessions(SeededOrg.AGENT_EMAIL);

        assertEquals(401, client.raw("GET", "/services/data/v60.0/limits", null, "Bearer " + agentToken).status());
        assertEquals(200, client.get("/limits").status());
    }

    @Test
    void shouldRevokeATokenSoItNoLongerWorks() {
        Answer revoke = client.raw("GET", "/services/oauth2/revoke?token=" + client.accessToken(), null, null);

        assertEquals(200, revoke.status());
        assertEquals(401, client.get("/limits").status());
    }

    @Test
    void shouldLogTheHostOfEachLoginWithoutItsSecrets() {
        emulator.admin().clearRequests();
        client.token(passwordForm());

        var entry = emulator.admin().requests().get(0);
        assertEquals("POST", entry.method());
        assertEquals("/services/oauth2/token", entry.path());
        assertEquals("127.0.0.1:" + emulator.port(), entry.host());
        assertEquals(200, entry.status());
        assertFalse(entry.toString().contains(SeededOrg.PASSWORD));
    }
}
