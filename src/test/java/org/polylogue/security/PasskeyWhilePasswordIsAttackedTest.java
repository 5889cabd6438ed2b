package org.polylogue.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PasskeyAuthenticator;
import org.polylogue.RateLimitedPolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An attacker guesses an activist's password 30 times. Password sign-in for that account pauses,
 * with a clear message; the owner is not locked out, because signing in with their passkey is not
 * affected.
 */
@RateLimitedPolylogueTest
class PasskeyWhilePasswordIsAttackedTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theOwnerSignsInWithTheirPasskeyWhilePasswordSignInIsPaused() {
        String email = new Fixtures(api, accounts).person("Targeted Researcher");
        Page page = context.newPage();
        var authenticator = PasskeyAuthenticator.addTo(page);
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/account/passkeys");
        page.getByLabel("Name for this passkey").fill("Phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page.getByText("Your passkey was added.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(authenticator.credentialCount()).isEqualTo(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        var attacker = new TestBrowser(port);
        for (int i = 0; i < 30; i++) {
            attacker.get("/sign-in");
            attacker.post("/sign-in", Map.of("email", email, "password", "guess " + i));
        }

        // the owner's password is refused for now, with a message that says why and what to do
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/sign-in\\?locked=\\d+"));
        assertThat(page.locator("#sign-in-locked")).containsText("Too many password attempts");
        assertThat(page.locator("#sign-in-locked")).containsText("passkey");
        checkAccessibility(page);
        screenshot(page, "sign-in-locked");

        // ... and the passkey still works
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
        page.waitForURL(Pattern.compile(".*/(account)?$"));
        page.navigate("/account");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
        assertThat(page.getByText(email).first()).isVisible();
    }
}
