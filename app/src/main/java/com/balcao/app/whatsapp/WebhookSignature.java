package com.balcao.app.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body, as received, under the app
 * secret. Several secrets can be valid at once (one per Meta app), so each is tried and
 * compared in constant time.
 */
final class WebhookSignature {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    static boolean valid(byte[] body, String header, Collection<String> secrets) {
        if (header == null || !header.startsWith(PREFIX)
            || header.length() != PREFIX.length() + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (String secret : secrets) {
            match |= MessageDigest.isEqual(hmac(body, secret), given);
        }
        return match;
    }

    /** The header value Meta would send for this body and secret. */
    static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
