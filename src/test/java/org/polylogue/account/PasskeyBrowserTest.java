package org.polylogue.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.PasskeyAuthenticator;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium with a virtual authenticator: a person registers, adds a passkey, signs out, signs in
 * with the passkey alone (no password, no second step) and is back on their account; the passkeys,
 * sessions and API tokens pages pass axe-core and are photographed under target/screenshots.
 */
@PolylogueTest
class PasskeyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedSecurityEvents events;

    BrowserContext context;

    @BeforeEach
    void setUp() {
        context = browser.newContext(new TestApi(port).base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aPersonAddsAPasskeyAndSignsInWithItAlone() {
        Page page = context.newPage();
        var authenticator = PasskeyAuthenticator.addTo(page);
        String email = "passkey-" + System.nanoTime() + "@example.org";

        page.navigate("/register");
        page.getByLabel("Display name").fill("Ines Passkey");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page).hasURL(Pattern.compile("/account\\?registered$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Passkeys")).click();
        assertThat(page).hasURL(Pattern.compile("/account/passkeys$"));
        assertThat(page.getByText("You have no passkey yet.")).isVisible();
        assertThat(page.getByText("Adding a passkey needs JavaScript")).isHidden();
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "passkeys-empty");

        // a name is required, said next to the field
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page.getByText("The name is required.")).isVisible();
        assertThat(page.getByLabel("Name for this passkey")).hasAttribute("aria-invalid", "true");
        checkAccessibility(page);

        page.getByLabel("Name for this passkey").fill("Work laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page).hasURL(Pattern.compile("/account/passkeys\\?added$"));
        assertThat(page.getByText("Your passkey was added.")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Work laptop").setExact(true))).isVisible();
        assertThat(authenticator.credentialCount()).isEqualTo(1);
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "passkeys-added");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();

        page.navigate("/sign-in?continue=/account");
        String anonymousSession = sessionCookie();
        var passkeyButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"));
        assertThat(passkeyButton).isVisible();
        checkAccessibility(page);
        screenshot(page, "sign-in-with-passkey");
        passkeyButton.click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
        assertThat(page.getByText(email).first()).isVisible();
        assertThat(sessionCookie()).as("a new session id at sign-in").isNotEqualTo(anonymousSession);

        String accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(events.of(SecurityEvent.Kind.SIGN_IN, accountId)).extracting(SecurityEvent::detail).contains("passkey");
        assertThat(events.of(SecurityEvent.Kind.PASSKEY_ADDED, accountId)).extracting(SecurityEvent::detail)
                .contains("Work laptop");

        // the passkey session is listed like any other, and the other pages pass the checks too
        page.navigate("/account/sessions");
        assertThat(page.locator(".badge").getByText("this session")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(Pattern.compile("^Chrome on Linux"))))
                .isVisible();
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "sessions");

        page.navigate("/account/tokens");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Import script");
        page.getByLabel("30 days").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("#new-token")).containsText("plg_");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "tokens-created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke token Import script")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The token was revoked");
        checkAccessibility(page);

        // removing the passkey: it no longer signs the person in
        page.navigate("/account/passkeys");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove passkey Work laptop")).click();
        assertThat(page.getByText("You have no passkey yet.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate("/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("did not work");
        assertThat(page).hasURL(Pattern.compile("/sign-in$"));
        checkAccessibility(page);
        assertThat(events.of(SecurityEvent.Kind.PASSKEY_REMOVED, accountId)).isNotEmpty();
    }

    private String sessionCookie() {
        return context.cookies().stream().filter(c -> c.name.equals("SESSION")).map(c -> c.value).findFirst()
                .orElse(null);
    }
}
