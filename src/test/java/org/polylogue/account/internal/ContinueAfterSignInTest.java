package org.polylogue.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinueAfterSignInTest {

    @Test
    void continuesOnlyToPathsOnThisSite() {
        assertThat(ContinueAfterSignIn.isLocalPath("/consultations/zero-draft")).isTrue();
        assertThat(ContinueAfterSignIn.isLocalPath("/consultations/x/paragraphs/y?page=2")).isTrue();
        assertThat(ContinueAfterSignIn.isLocalPath("https://evil.example/")).isFalse();
        assertThat(ContinueAfterSignIn.isLocalPath("//evil.example/")).isFalse();
        assertThat(ContinueAfterSignIn.isLocalPath("/\\evil.example")).isFalse();
        assertThat(ContinueAfterSignIn.isLocalPath("/ok\r\nSet-Cookie: x")).isFalse();
        assertThat(ContinueAfterSignIn.isLocalPath("")).isFalse();
        assertThat(ContinueAfterSignIn.isLocalPath(null)).isFalse();
    }
}
