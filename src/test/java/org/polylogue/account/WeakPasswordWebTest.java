package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class WeakPasswordWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "iloveyou12"})
    void registeringWithACommonPasswordIsRefused(String password) {
        var refused = api.post("/api/v1/accounts", Map.of("email", "weak@example.org", "password", password,
                "displayName", "Weak Password"), null);
        assertProblem(refused, 422, "weak-password", "password");
        assertThat(refused.body()).contains("is too common: choose a longer passphrase");
        assertThat(accounts.findByEmail("weak@example.org")).isEmpty();
    }

    @Test
    void aPasswordWithTheOwnNameIsRefusedAndAPassphraseAccepted() {
        assertProblem(api.post("/api/v1/accounts", Map.of("email", "ngozi.okafor@example.org", "password",
                "Ngozi.Okafor in Lagos", "displayName", "N. O."), null), 422, "weak-password", "password");
        assertProblem(api.post("/api/v1/accounts", Map.of("email", "n.o@example.org", "password",
                "my name: Ngozi Okafor", "displayName", "Ngozi Okafor"), null), 422, "weak-password", "password");
        assertThat(api.post("/api/v1/accounts", Map.of("email", "ngozi.okafor@example.org", "password",
                "lagos rain copper kettle", "displayName", "Ngozi Okafor"), null).status()).isEqualTo(201);
    }

    @Test
    void theRegistrationPageSaysWhyNextToThePasswordField() {
        var browser = new TestBrowser(port);
        browser.get("/register");
        var refused = browser.post("/register", Map.of("displayName", "Weak Page", "email", "weak.page@example.org",
                "password", "qwertyuiop"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<p class=\"field-error\" id=\"password-error\">")
                .contains("is too common: choose a longer passphrase").contains("value=\"weak.page@example.org\"")
                .doesNotContain("qwertyuiop");
        assertThat(accounts.findByEmail("weak.page@example.org")).isEmpty();
    }
}
