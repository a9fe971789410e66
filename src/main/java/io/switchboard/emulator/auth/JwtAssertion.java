package io.switchboard.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;

/** An RS256-signed JWT bearer assertion: its claims, readable only once its signature checks out. */
record JwtAssertion(String issuer, String subject, String audience, Instant expiresAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Verifies the signature with the registered key and reads the claims. */
    static JwtAssertion verify(String assertion, PublicKey key) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            throw invalidAssertion();
        }
        try {
            JsonNode header = decode(parts[0]);
            if (!"RS256".equals(header.path("alg").asText())) {
                throw invalidAssertion();
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw invalidAssertion();
            }
            JsonNode claims = decode(parts[1]);
            return new JwtAssertion(claims.path("iss").asText(null), claims.path("sub").asText(null),
                    audience(claims.path("aud")), Instant.ofEpochSecond(claims.path("exp").asLong(0)));
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            throw invalidAssertion();
        }
    }

    void checkAudience(Collection<String> accepted) {
        if (audience == null || !accepted.contains(audience.replaceAll("/+$", ""))) {
            throw new OAuthError("invalid_grant", "audience is invalid");
        }
    }

    void checkNotExpired(Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw invalidAssertion();
        }
    }

    private static String audience(JsonNode aud) {
        return aud.isArray() ? aud.path(0).asText(null) : aud.asText(null);
    }

    private static JsonNode decode(String part) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static OAuthError invalidAssertion() {
        return new OAuthError("invalid_grant", "invalid assertion");
    }
}
