package com.balcao.app.whatsapp;

import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Saves business numbers and their credentials. Secrets are encrypted on the way in and only
 * their last four characters are kept readable; nothing here ever returns a secret.
 */
final class NumberSettings {
    static final String ACCESS_TOKEN = "access_token";
    static final String APP_SECRET = "app_secret";
    static final String VERIFY_TOKEN = "verify_token";
    private final Jdbi jdbi;
    private final CredentialCipher cipher;
    private final Runnable changed;
    private final Clock clock;

    NumberSettings(Jdbi jdbi, CredentialCipher cipher, Runnable changed, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.changed = changed;
        this.clock = clock;
    }

    boolean canStoreSecrets() {
        return cipher.enabled();
    }

    /** Creates the number, or updates the one with the same phone_number_id; its row id. */
    long save(Long id, NumberSetup setup) {
        long saved = jdbi.inTransaction(handle -> {
            NumberDao numbers = handle.attach(NumberDao.class);
            Long existing = id != null ? id : numbers.findByPhoneNumberId(setup.phoneNumberId())
                .map(NumberRow::id).orElse(null);
            long numberId;
            if (existing == null) {
                numberId = numbers.insert(setup.phoneNumberId(), setup.displayPhoneNumber(),
                    setup.label(), setup.wabaId(), setup.defaultDepartmentId(), setup.mps(),
                    setup.graphBaseUrl(), clock.instant());
            } else {
                numberId = existing;
                numbers.update(numberId, setup.phoneNumberId(), setup.displayPhoneNumber(),
                    setup.label(), setup.wabaId(), setup.defaultDepartmentId(), setup.mps(),
                    setup.graphBaseUrl(), clock.instant());
            }
            Map.of(ACCESS_TOKEN, nullToEmpty(setup.accessToken()), APP_SECRET,
                nullToEmpty(setup.appSecret()), VERIFY_TOKEN, nullToEmpty(setup.verifyToken()))
                .forEach((column, value) -> {
                    if (!value.isBlank()) {
                        numbers.setCredential(numberId, column, cipher.encrypt(value.trim()),
                            CredentialCipher.hint(value.trim()), clock.instant());
                    }
                });
            return numberId;
        });
        changed.run();
        return saved;
    }

    void setActive(long id, boolean active) {
        jdbi.onDemand(NumberDao.class).setActive(id, active, clock.instant());
        changed.run();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
