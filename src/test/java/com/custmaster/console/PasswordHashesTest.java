package com.custmaster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Password hashes: salted, checked only by the right password, and never weaker than the floor. */
class PasswordHashesTest {

    private static final char[] PASSWORD = "twelve chars or more".toCharArray();

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndOnlyItMatches() {
        String first = PasswordHashes.hash(PASSWORD.clone());
        String second = PasswordHashes.hash(PASSWORD.clone());

        assertThat(first).isNotEqualTo(second).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHashes.matches(PASSWORD.clone(), first)).isTrue();
        assertThat(PasswordHashes.matches(PASSWORD.clone(), second)).isTrue();
        assertThat(PasswordHashes.matches("twelve chars or more!".toCharArray(), first)).isFalse();
    }

    @Test
    void aHashWithTooFewIterationsOrNotOfTheFormIsRefused() {
        String hash = PasswordHashes.hash(PASSWORD.clone());
        String weak = hash.replace("$210000$", "$1000$");

        assertThatIllegalArgumentException().isThrownBy(() -> PasswordHashes.validate(weak))
                .withMessageContaining("at least 210000 iterations");
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordHashes.validate("plaintext"))
                .withMessageContaining("not a password hash");
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordHashes.hash("short".toCharArray()))
                .withMessageContaining("at least 12 characters");
    }
}
