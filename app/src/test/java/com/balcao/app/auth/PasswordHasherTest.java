package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(12);

    @Test
    void hashesWithBcryptCost12AndVerifies() {
        String hash = hasher.hash("senha-forte-123");

        assertThat(hash).startsWith("$2a$12$").doesNotContain("senha-forte-123");
        assertThat(hasher.verify("senha-forte-123", hash)).isTrue();
        assertThat(hasher.verify("senha-forte-124", hash)).isFalse();
    }

    @Test
    void unknownAccountsAndOversizedPasswordsNeverMatch() {
        assertThat(hasher.verify("qualquer", null)).isFalse();
        assertThat(hasher.verify("x".repeat(100), hasher.hash("x".repeat(72)))).isFalse();
        assertThat(PasswordHasher.acceptable("curta")).isFalse();
        assertThat(PasswordHasher.acceptable("ç".repeat(40))).as("80 bytes").isFalse();
        assertThat(PasswordHasher.acceptable("boa-senha")).isTrue();
    }
}
