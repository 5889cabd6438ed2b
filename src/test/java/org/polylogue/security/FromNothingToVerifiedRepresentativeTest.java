package org.polylogue.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PasskeyAuthenticator;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.stakeholder.RepresentativeVerifiesOrganisationByDomainTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story in Chromium: from nothing to the verified representative of an organisation who
 * signs in with a passkey. Register, confirm the address from the mail, add a passkey, sign out,
 * sign in with the passkey alone, create a university and verify it by its mail domain; its
 * comment then carries the badge.
 */
@PolylogueTest
class FromNothingToVerifiedRepresentativeTest {

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
    void aPersonBecomesTheVerifiedRepresentativeOfTheirUniversityAndSignsInWithAPasskey() {
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String slug = fixtures.openConsultation(admin, fixtures.process(admin)).get("slug").asString();
        String email = "amina.diallo@ucad-" + System.nanoTime() % 100_000 + ".example.edu";
        String domain = email.substring(email.indexOf('@') + 1);

        Page page = context.newPage();
        var authenticator = PasskeyAuthenticator.addTo(page);

        // register
        page.navigate("/register");
        page.getByLabel("Display name").fill("Amina Diallo");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("a quiet harbour at dawn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page).hasURL(Pattern.compile("/account\\?registered$"));
        assertThat(page.getByText("not confirmed yet")).isVisible();

        // confirm the address with the link in the mail
        page.navigate("/dev/mailbox");
        Locator mail = page.locator("article.card").filter(new Locator.FilterOptions().setHasText("To " + email)).first();
        var link = Pattern.compile("https?://[^/\\s]+(/verify-email\\?token=[A-Za-z0-9_-]+)")
                .matcher(mail.locator("pre").textContent());
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        page.navigate(link.group(1));
        assertThat(page.locator("h1")).hasText("Your email address is confirmed");
        checkAccessibility(page);

        // add a passkey (the recommended sign-in)
        page.navigate("/account");
        assertThat(page.getByText("confirmed", new Page.GetByTextOptions().setExact(true))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Passkeys")).click();
        page.getByLabel("Name for this passkey").fill("Office laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
        assertThat(page.getByText("Your passkey was added.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(authenticator.credentialCount()).isEqualTo(1);

        // sign out, and back in with the passkey alone
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate("/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
        assertThat(page).hasURL(Pattern.compile("/(account)?$"));
        page.navigate("/account");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
        assertThat(page.getByText(email).first()).isVisible();

        // create the university and verify it by its own mail domain
        page.navigate("/organizations/new");
        page.getByLabel("Name").fill("Université Cheikh Anta Diop " + domain);
        page.getByLabel("Stakeholder group").selectOption(new SelectOption().setLabel("Academia"));
        page.getByLabel("Country").selectOption(new SelectOption().setLabel("Senegal"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the organisation")).click();
        assertThat(page).hasURL(Pattern.compile("/organizations/[^/]+$"));
        String organization = page.url().replaceAll(".*/organizations/", "");
        RepresentativeVerifiesOrganisationByDomainTest.verifyOrganisationByDomain(page, organization, email);
        assertThat(page.getByText(domain).first()).isVisible();
        checkAccessibility(page);
        screenshot(page, "story-verified-organization");

        // what the representative says for the university now carries the badge
        page.navigate("/consultations/" + slug + "/document-comments");
        page.getByLabel("Your comment on the whole document").fill("The university supports the draft as a whole.");
        page.getByLabel("Speaking for").selectOption(new SelectOption().setIndex(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish comment")).click();
        Locator comment = page.locator("li.comment").filter(new Locator.FilterOptions()
                .setHasText("The university supports the draft as a whole."));
        assertThat(comment.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("verified organisation")))
                .isVisible();
        checkAccessibility(page);
        screenshot(page, "story-verified-comment");
    }
}
