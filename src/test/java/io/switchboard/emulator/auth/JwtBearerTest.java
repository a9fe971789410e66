package io.switchboard.emulator.auth;

import static io.switchboard.emulator.seed.SeededOrg.CLIENT_ID;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtBearerTest extends EmulatorFixture {
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static PrivateKey testKey() throws GeneralSecurityException, IOException {
        try (InputStream in = JwtBearerTest.class.getResourceAsStream("/emulator/jwt-test.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "emulator".toCharArray());
            return (PrivateKey) store.getKey("switchboard", "emulator".toCharArray());
        }
    }

    private static String certificate() throws IOException {
        try (InputStream in = JwtBearerTest.class.getResourceAsStream("/emulator/jwt-test-certificate.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String assertion(PrivateKey key, String issuer, String audience, long expiresInSeconds)
            throws GeneralSecurityException {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + USERNAME + "\",\"aud\":\""
                + audience + "\",\"exp\":" + (Instant.now().getEpochSecond() + expiresInSeconds) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(signer.sign());
    }

    private Answer login(String assertion) {
        return client.token(Map.of("grant_type", GRANT, "assertion", assertion));
    }

    private void assertRefused(Answer answer, String error, String description) {
        assertEquals(400, answer.status());
        assertEquals(error, answer.json().get("error").asText());
        assertEquals(description, answer.json().get("error_description").asText());
    }

    @Test
    void shouldLogInWithAnAssertionSignedByTheRegisteredCertificate() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());

        Answer answer = login(assertion(testKey(), CLIENT_ID, "https://login.salesforce.com", 300));

        assertEquals(200, answer.status());
        assertTrue(answer.json().get("id").asText().endsWith("/" + INTEGRATION_USER_ID));
    }

    @Test
    void shouldAcceptTheEmulatorsOwnLoginUrlAsAudience() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());

        assertEquals(200, login(assertion(testKey(), CLIENT_ID, emulator.baseUrl(), 300)).status());
    }

    @Test
    void shouldRefuseWhenNoCertificateIsRegistered() throws Exception {
        assertRefused(login(assertion(testKey(), CLIENT_ID, "https://login.salesforce.com", 300)),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void shouldRefuseAnAssertionSignedByAnotherKey() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();

        assertRefused(login(assertion(otherKey, CLIENT_ID, "https://login.salesforce.com", 300)),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void shouldRefuseAnotherAudience() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());

        assertRefused(login(assertion(testKey(), CLIENT_ID, "https://example.com", 300)),
                "invalid_grant", "audience is invalid");
    }

    @Test
    void shouldRefuseAnExpiredAssertion() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());

        assertRefused(login(assertion(testKey(), CLIENT_ID, "https://test.salesforce.com", -10)),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void shouldRefuseAnUnknownIssuer() throws Exception {
        emulator.admin().registerJwtCertificate(certificate());

        assertRefused(login(assertion(testKey(), "other-app", "https://login.salesforce.com", 300)),
                "invalid_client_id", "client identifier invalid");
    }
}
