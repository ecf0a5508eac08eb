package com.balcao.app.auth;

import com.balcao.app.whatsapp.CredentialCipher;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TOTP secrets at rest: encrypted with the same key and cipher as the WhatsApp credentials,
 * so a copy of the database does not hand out everyone's second factor. Without a key they
 * stay as they are (and a warning says so).
 */
public final class TotpSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(TotpSecrets.class);
    private static final String SEALED = "v1:";
    private final CredentialCipher cipher;

    public TotpSecrets(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    String seal(String secret) {
        return secret == null || !cipher.enabled() ? secret : cipher.encrypt(secret);
    }

    /** The plain secret; null when a sealed one cannot be opened with this key. */
    String open(String stored) {
        return stored == null || !stored.startsWith(SEALED) ? stored : cipher.decrypt(stored);
    }

    /**
     * Encrypts the secrets stored in plain text before they were sealed. Each row is updated
     * only if it still holds the plain value, so replicas starting together agree.
     */
    public int sealStored(Jdbi jdbi) {
        if (!cipher.enabled()) {
            LOG.warn("CREDENTIALS_KEY is not set: two-factor secrets are stored unencrypted");
            return 0;
        }
        return jdbi.inTransaction(handle -> {
            List<Map<String, Object>> plain = handle.createQuery("SELECT id, totp_secret FROM "
                + "users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'")
                .mapToMap().list();
            int sealed = 0;
            for (Map<String, Object> row : plain) {
                String secret = (String) row.get("totp_secret");
                sealed += handle.createUpdate("UPDATE users SET totp_secret = :sealed "
                        + "WHERE id = :id AND totp_secret = :plain")
                    .bind("sealed", cipher.encrypt(secret)).bind("id", row.get("id"))
                    .bind("plain", secret).execute();
            }
            return sealed;
        });
    }
}
