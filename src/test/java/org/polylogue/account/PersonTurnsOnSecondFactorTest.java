package org.polylogue.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person turns on the second factor with the key shown on the page (the test plays the
 * authenticator app), saves the recovery codes, signs out, and signs in again with password and
 * code, landing where they were going. Every page is checked with axe-core and photographed.
 */
@PolylogueTest
class PersonTurnsOnSecondFactorTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    String email;

    @BeforeEach
    void setUp() {
        var api = new TestApi(port);
        email = new Fixtures(api, accounts).person("Leila Haddad");
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private static void check(Page page, String screenshot) {
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, screenshot);
    }

    @Test
    void aPersonTurnsOnTheSecondFactorAndSignsInWithPasswordAndCode() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        page.navigate("/account");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Second factor (authenticator app)")).click();
        assertThat(page).hasTitle("Second factor · Polylogue");
        check(page, "second-factor-intro");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up a second factor")).click();

        var qr = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code holding the secret key shown below as text"));
        assertThat(qr).isVisible();
        assertThat((Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
        check(page, "second-factor-setup");
        String secret = page.locator("#totp-secret").textContent().replace(" ", "");

        // a wrong code first: the message is next to the field
        page.getByLabel("Six-digit code from your app").fill("000000".equals(SecondFactorSteps.code(secret, 0)) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on the second factor")).click();
        assertThat(page.locator("#code-error")).containsText("is not a current code");
        check(page, "second-factor-wrong-code");

        page.getByLabel("Six-digit code from your app").fill(SecondFactorSteps.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on the second factor")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your recovery codes"))).isVisible();
        assertThat(page.locator("ol.recovery-codes li")).hasCount(10);
        check(page, "second-factor-recovery-codes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them")).click();
        assertThat(page.locator("main")).containsText("Recovery codes left: 10 of 10.");
        check(page, "second-factor-on");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        // signing in again, on the way to the password page
        page.navigate("/account/password");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sign-in/second-factor$"));
        assertThat(page.getByLabel("Six-digit code")).isFocused();
        assertThat(page.getByLabel("Six-digit code")).hasAttribute("autocomplete", "one-time-code");
        check(page, "second-factor-sign-in");
        page.getByLabel("Six-digit code").fill(SecondFactorSteps.code(secret, 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/account/password(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leila Haddad"))).isVisible();
        check(page, "password-change");
    }

    @Test
    void aForgottenPasswordPageAndTheResetFormAreAccessible() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
        check(page, "forgot-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        assertThat(page.locator("#email-error")).containsText("The email is required");
        check(page, "forgot-password-error");
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("we have sent it a link");
        check(page, "forgot-password-sent");
        page.navigate("/reset-password?token=made-up");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link did not work"))).isVisible();
        check(page, "reset-password-refused");
    }
}
