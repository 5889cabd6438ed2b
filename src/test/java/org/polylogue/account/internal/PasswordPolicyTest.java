package org.polylogue.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "iloveyou12", "1234567890", "Password1234", "letmein2024",
        "monkey12345", "trustno1trustno1", "abcdefghij", "P@ssw0rd123"})
    void commonPasswordsAreRefused(String password) {
        assertThat(policy.problem(password, "someone@example.org", "Someone")).contains(PasswordPolicy.TOO_COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "a quiet river at dawn", "sunflower garden path",
        "demo-password-2026", "Tallinn manual ferry 9"})
    void passphrasesAreAccepted(String password) {
        assertThat(policy.problem(password, "someone@example.org", "Someone Else")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amara.diallo rocks 2026", "xx AMARA.DIALLO xx", "my name is Amara Diallo!", "amaradiallo-in-geneva"})
    void passwordsWithTheEmailNameOrDisplayNameAreRefused(String password) {
        assertThat(policy.problem(password, "amara.diallo@example.org", "Amara Diallo")).contains(PasswordPolicy.PERSONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "nine char"})
    void tooShortOrTooLongPasswordsAreRefused(String password) {
        assertThat(policy.problem(password, null, null)).contains(PasswordPolicy.LENGTH);
        assertThat(policy.problem("long passphrase ".repeat(13), null, null)).contains(PasswordPolicy.LENGTH);
    }

    @org.junit.jupiter.api.Test
    void aLongRandomPasswordIsCheckedQuickly() {
        String password = "Xq7#vLp2!mZ9rT4w".repeat(13);
        long start = System.nanoTime();
        assertThat(policy.problem(password.substring(0, 200), "a@example.org", "A")).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
