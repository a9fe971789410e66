package io.switchboard.emulator.auth;

import io.switchboard.emulator.api.RecordSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The token endpoint's four grant types and revocation, with Salesforce's answers and error codes. */
public final class OAuthService {
    public static final String PASSWORD = "password";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final List<String> PUBLIC_LOGIN_HOSTS =
            List.of("https://login.salesforce.com", "https://test.salesforce.com");

    private final ConnectedApp app;
    private final String orgId;
    private final SessionRegistry sessions;
    private final LoginPolicy policy;
    private final RecordSource records;
    private final Clock clock;

    public OAuthService(ConnectedApp app, String orgId, SessionRegistry sessions, LoginPolicy policy,
                        RecordSource records, Clock clock) {
        this.app = app;
        this.orgId = orgId;
        this.sessions = sessions;
        this.policy = policy;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Answers {@code POST /services/oauth2/token}.
     *
     * @param loginUrl the URL the client logged in at, which the identity URL is built on
     * @param instanceUrl where the client must send its API calls and its next login
     * @throws OAuthError when the login is refused
     */
    public Map<String, String> token(Map<String, String> form, String loginUrl, String instanceUrl) {
        String grantType = form.getOrDefault("grant_type", "");
        if (!List.of(PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS, JWT_BEARER).contains(grantType)) {
            throw new OAuthError("unsupported_grant_type", "grant type not supported");
        }
        Map<String, Object> user = switch (grantType) {
            case PASSWORD -> passwordUser(form);
            case REFRESH_TOKEN -> refreshTokenUser(form);
            case CLIENT_CREDENTIALS -> clientCredentialsUser(form);
            default -> jwtUser(form, loginUrl, instanceUrl);
        };
        if (policy.blocked(grantType) || !Boolean.TRUE.equals(user.get("IsActive"))) {
            throw OAuthError.authenticationFailure();
        }
        Session session = sessions.open((String) user.get("Id"), (String) user.get("Username"));
        return answer(session, loginUrl, instanceUrl);
    }

    public void revoke(String token) {
        sessions.revoke(token);
    }

    private Map<String, Object> passwordUser(Map<String, String> form) {
        checkClient(form, true);
        Map<String, Object> user = user(form.get("username"));
        if (!(app.password() + app.securityToken()).equals(form.get("password"))) {
            throw OAuthError.authenticationFailure();
        }
        return user;
    }

    private Map<String, Object> refreshTokenUser(Map<String, String> form) {
        checkClient(form, false);
        String userId = sessions.refreshTokenUser(form.get("refresh_token"))
                .orElseThrow(() -> new OAuthError("invalid_grant", "expired access/refresh token"));
        return records.byId(userId).orElseThrow(OAuthError::authenticationFailure);
    }

    private Map<String, Object> clientCredentialsUser(Map<String, String> form) {
        checkClient(form, true);
        return user(app.runAsUsername());
    }

    private Map<String, Object> jwtUser(Map<String, String> form, String loginUrl, String instanceUrl) {
        var key = policy.jwtKey().orElseThrow(() -> new OAuthError("invalid_grant", "invalid assertion"));
        JwtAssertion assertion = JwtAssertion.verify(form.get("assertion"), key);
        if (!app.clientId().equals(assertion.issuer())) {
            throw new OAuthError("invalid_client_id", "client identifier invalid");
        }
        assertion.checkAudience(List.of(loginUrl, instanceUrl, PUBLIC_LOGIN_HOSTS.get(0), PUBLIC_LOGIN_HOSTS.get(1)));
        assertion.checkNotExpired(clock.instant());
        return Users.byUsername(records, assertion.subject())
                .orElseThrow(() -> new OAuthError("invalid_grant", "user hasn't approved this consumer"));
    }

    /** @param secretRequired the refresh flow may leave the secret out; when given it must still be right */
    private void checkClient(Map<String, String> form, boolean secretRequired) {
        if (!app.clientId().equals(form.get("client_id"))) {
            throw new OAuthError("invalid_client_id", "client identifier invalid");
        }
        String secret = form.get("client_secret");
        if ((secretRequired || secret != null) && !app.clientSecret().equals(secret)) {
            throw new OAuthError("invalid_client", "invalid client credentials");
        }
    }

    private Map<String, Object> user(String username) {
        return Users.byUsername(records, username).orElseThrow(OAuthError::authenticationFailure);
    }

    private Map<String, String> answer(Session session, String loginUrl, String instanceUrl) {
        String identity = loginUrl + "/id/" + orgId + "/" + session.userId();
        String issuedAt = Long.toString(clock.millis());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("access_token", session.accessToken());
        answer.put("instance_url", instanceUrl);
        answer.put("id", identity);
        answer.put("token_type", "Bearer");
        answer.put("issued_at", issuedAt);
        answer.put("signature", sign(identity + issuedAt));
        return answer;
    }

    /** Salesforce signs the identity URL and issue time with the client secret so clients can check the answer. */
    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
