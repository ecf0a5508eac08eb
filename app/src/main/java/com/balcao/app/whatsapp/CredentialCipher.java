package com.balcao.app.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the credentials admins type in (access token, app secret, verify token) with
 * AES-256-GCM under the key from the environment. Stored as {@code v1:<base64(iv|ciphertext)>}
 * so the format can change later. Without a key nothing can be stored.
 */
public final class CredentialCipher {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    private CredentialCipher(SecretKeySpec key) {
        this.key = key;
    }

    /** A cipher for a base64 key of 32 bytes; a blank key gives one that cannot encrypt. */
    public static CredentialCipher of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new CredentialCipher(null);
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The credentials key must be 32 bytes");
        }
        return new CredentialCipher(new SecretKeySpec(bytes, "AES"));
    }

    public boolean enabled() {
        return key != null;
    }

    public String encrypt(String plain) {
        if (key == null) {
            throw new IllegalStateException("CREDENTIALS_KEY is not set");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain text, or null when there is none or it cannot be opened with this key. */
    public String decrypt(String stored) {
        if (stored == null || key == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0,
                IV_BYTES));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The last four characters, all that the panel ever shows again of a secret. */
    static String hint(String secret) {
        return secret.length() <= 4 ? secret : secret.substring(secret.length() - 4);
    }
}
