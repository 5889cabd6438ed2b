package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class PasswordChangeWebTest {

    static final String NEW_PASSWORD = "violet tram harbour";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsOnly() {
        String email = fixtures.person("Changing Person");
        var other = new TestBrowser(port);
        other.signIn(email, TestApi.PASSWORD);
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);

        var form = browser.get("/account/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("autocomplete=\"current-password\"").contains("autocomplete=\"new-password\"");

        var wrong = browser.post("/account/password", Map.of("currentPassword", "not my password", "newPassword",
                NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"").doesNotContain(NEW_PASSWORD);
        var weak = browser.post("/account/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword",
                "iloveyou12"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("is too common: choose a longer passphrase").contains("id=\"newPassword-error\"");
        var personal = browser.post("/account/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword",
                "i am changing person now"));
        assertThat(personal.status()).isEqualTo(422);
        assertThat(personal.body()).contains("must not contain your email address or your name");

        var changed = browser.post("/account/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword",
                NEW_PASSWORD));
        assertThat(changed.redirectsTo("/account/password?changed")).as(changed.toString()).isTrue();
        assertThat(browser.get("/account/password?changed").body()).contains("Your password was changed");
        assertThat(browser.get("/account").status()).as("this session stays").isEqualTo(200);
        assertThat(other.get("/account").redirectsTo("/sign-in")).as("the other session ended").isTrue();
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD), null), 401,
                "bad-credentials", null);
        new TestBrowser(port).signIn(email, NEW_PASSWORD);
    }

    @Test
    void theApiChangesThePasswordWithTheCurrentOne() {
        String email = fixtures.person("Api Changer");
        String token = api.token(email, TestApi.PASSWORD);
        assertProblem(api.post("/api/v1/accounts/me/password", Map.of("currentPassword", "wrong one!", "newPassword",
                NEW_PASSWORD), token), 400, "invalid-input", "currentPassword");
        var weak = api.post("/api/v1/accounts/me/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword",
                "password123"), token);
        assertProblem(weak, 422, "weak-password", "newPassword");
        assertThat(weak.body()).contains("is too common");
        assertProblem(api.post("/api/v1/accounts/me/password", Map.of("currentPassword", TestApi.PASSWORD,
                "newPassword", NEW_PASSWORD), null), 401, "unauthenticated", null);
        assertThat(api.post("/api/v1/accounts/me/password", Map.of("currentPassword", TestApi.PASSWORD, "newPassword",
                NEW_PASSWORD), token).status()).isEqualTo(204);
        assertThat(api.token(email, NEW_PASSWORD)).startsWith("plg_");
    }

    @Test
    void thePasswordPageNeedsSignInAndTheCsrfToken() {
        assertThat(new TestBrowser(port).get("/account/password").redirectsTo("/sign-in")).isTrue();
        String email = fixtures.person("Csrf Changer");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        browser.get("/account/password");
        assertThat(browser.postWithoutCsrf("/account/password", Map.of("currentPassword", TestApi.PASSWORD,
                "newPassword", NEW_PASSWORD)).status()).isEqualTo(403);
        assertThat(api.token(email, TestApi.PASSWORD)).startsWith("plg_");
    }
}
