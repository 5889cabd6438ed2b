package org.polylogue.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceDescriptionTest {

    @Test
    void namesTheBrowserAndTheSystemCoarsely() {
        assertThat(DeviceDescription.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on Linux");
        assertThat(DeviceDescription.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(DeviceDescription.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
        assertThat(DeviceDescription.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox on macOS");
        assertThat(DeviceDescription.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
    }

    @Test
    void saysSoWhenItCannotTell() {
        assertThat(DeviceDescription.of(null)).isEqualTo("Unknown browser");
        assertThat(DeviceDescription.of("  ")).isEqualTo("Unknown browser");
        assertThat(DeviceDescription.of("curl/8.5.0")).isEqualTo("A script on an unknown system");
    }

    @Test
    void neverKeepsMoreThanTheSummary() {
        String agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 secret-build-id-1234";
        assertThat(DeviceDescription.of(agent)).isEqualTo("Firefox on Linux").doesNotContain("1234");
    }
}
