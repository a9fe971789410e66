package io.switchboard.emulator.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the connected app allows: which grant types are blocked, and the certificate that signs JWT assertions. */
public final class LoginPolicy {
    private final String initialCertificatePem;
    private final Set<String> blockedGrants = ConcurrentHashMap.newKeySet();
    private volatile PublicKey jwtKey;

    /** @param certificatePem an X.509 certificate or RSA public key in PEM form, or null for none */
    public LoginPolicy(String certificatePem) {
        this.initialCertificatePem = certificatePem;
        reset();
    }

    public void reset() {
        blockedGrants.clear();
        jwtKey = initialCertificatePem == null ? null : publicKey(initialCertificatePem);
    }

    /** Makes a grant type answer "authentication failure", as orgs that block the username-password flow do. */
    public void blockGrant(String grantType, boolean blocked) {
        if (blocked) {
            blockedGrants.add(grantType);
        } else {
            blockedGrants.remove(grantType);
        }
    }

    public boolean blocked(String grantType) {
        return blockedGrants.contains(grantType);
    }

    public void registerCertificate(String pem) {
        jwtKey = publicKey(pem);
    }

    public Optional<PublicKey> jwtKey() {
        return Optional.ofNullable(jwtKey);
    }

    /** Reads either a certificate ({@code BEGIN CERTIFICATE}) or a bare key ({@code BEGIN PUBLIC KEY}). */
    static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PEM certificate or RSA public key: " + e.getMessage(), e);
        }
    }
}
