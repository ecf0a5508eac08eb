package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER = Base64.getEncoder().encodeToString("x".repeat(32).getBytes());

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        CredentialCipher cipher = CredentialCipher.of(KEY);
        String a = cipher.encrypt("EAAG-token");
        String b = cipher.encrypt("EAAG-token");

        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("EAAG");
        assertThat(cipher.decrypt(a)).isEqualTo("EAAG-token");
        assertThat(cipher.decrypt(b)).isEqualTo("EAAG-token");
    }

    @Test
    void aWrongKeyOrATamperedValueYieldsNothing() {
        String sealed = CredentialCipher.of(KEY).encrypt("secret");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';

        assertThat(CredentialCipher.of(OTHER).decrypt(sealed)).isNull();
        assertThat(CredentialCipher.of(KEY).decrypt(new String(chars))).isNull();
        assertThat(CredentialCipher.of(KEY).decrypt("plain")).isNull();
        assertThat(CredentialCipher.of("").decrypt(sealed)).isNull();
    }

    @Test
    void withoutAKeyNothingCanBeStoredAndABadKeyIsRefused() {
        assertThat(CredentialCipher.of(" ").enabled()).isFalse();
        assertThatThrownBy(() -> CredentialCipher.of("").encrypt("x"))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CredentialCipher.of("c2hvcnQ="))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(CredentialCipher.hint("EAAG-9f3c")).isEqualTo("9f3c");
    }
}
