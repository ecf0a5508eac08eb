package com.balcao.app.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business numbers with their credentials decrypted, cached for a few seconds. When the
 * database cannot be read the last good copy is kept, so the webhook can still check
 * signatures (and then answer 503 when it cannot store).
 */
final class NumberRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NumberRegistry.class);
    private static final Duration TTL = Duration.ofSeconds(10);
    private final NumberDao numbers;
    private final CredentialCipher cipher;
    private final Clock clock;
    private volatile Map<Long, BusinessNumber> byId = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    NumberRegistry(NumberDao numbers, CredentialCipher cipher, Clock clock) {
        this.numbers = numbers;
        this.cipher = cipher;
        this.clock = clock;
    }

    List<BusinessNumber> all() {
        return List.copyOf(current().values());
    }

    Optional<BusinessNumber> byId(long id) {
        return Optional.ofNullable(current().get(id));
    }

    Optional<BusinessNumber> byPhoneNumberId(String phoneNumberId) {
        return current().values().stream()
            .filter(number -> number.phoneNumberId().equals(phoneNumberId)).findFirst();
    }

    /** Forgets the cache, after an admin changed a number. */
    void invalidate() {
        loadedAt = Instant.EPOCH;
    }

    private Map<Long, BusinessNumber> current() {
        Instant now = clock.instant();
        if (now.isAfter(loadedAt.plus(TTL))) {
            try {
                byId = numbers.all().stream().map(this::resolve)
                    .collect(Collectors.toUnmodifiableMap(BusinessNumber::id, Function.identity()));
                loadedAt = now;
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the WhatsApp numbers, using the last copy: {}",
                    e.getMessage());
            }
        }
        return byId;
    }

    private BusinessNumber resolve(NumberRow row) {
        return new BusinessNumber(row.id(), row.phoneNumberId(), row.displayPhoneNumber(),
            row.label(), row.wabaId(), row.defaultDepartmentId(), row.mps(), row.graphBaseUrl(),
            cipher.decrypt(row.accessTokenEnc()), cipher.decrypt(row.appSecretEnc()),
            cipher.decrypt(row.verifyTokenEnc()), row.active());
    }
}
