package io.switchboard.outbound;

import io.switchboard.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the platform knows a request came from this engine: {@code X-Switchboard-Signature: sha256=HEX}, the
 * HMAC-SHA256 of the exact body sent, keyed with the secret the two share. Used by the contact sync's deliveries and
 * the SMS campaigns' batches alike.
 */
public final class OutboundSignature {
    public static final String HEADER = "X-Switchboard-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private OutboundSignature() {
    }

    /** The header's value for this body. */
    public static String of(Secret secret, String body) {
        return "sha256=" + hex(secret, body);
    }

    /** The bare hex digest, as the platform recomputes it to compare. */
    public static String hex(Secret secret, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
