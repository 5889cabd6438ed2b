package org.polylogue.stakeholder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a representative claims the organisation's mail domain, opens the link from
 * the development mailbox, and sees the verified badge on the organisation page and on a comment.
 * Pages are checked with axe-core and photographed under target/screenshots.
 */
@PolylogueTest
public class RepresentativeVerifiesOrganisationByDomainTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    BrowserContext context;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    /**
     * The browser steps of verifying an organisation by its mail domain, for any story that needs
     * them: the signed-in representative on {@code page} claims the domain of {@code email} on the
     * organisation page, reads the mail in the development mailbox ({@code /dev/mailbox}), opens the
     * link, confirms, and ends on the organisation page, which shows the verified badge.
     */
    public static void verifyOrganisationByDomain(Page page, String organizationId, String email) {
        page.navigate("/organizations/" + organizationId);
        page.locator("#domain-claim summary").click();
        page.getByLabel("An address at the organisation's own domain").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the confirmation link")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We mailed a confirmation link");

        page.navigate("/dev/mailbox");
        Locator mail = page.locator("article.card").filter(new Locator.FilterOptions().setHasText("To " + email)).first();
        var link = Pattern.compile("https?://[^/\\s]+(/organizations/verify-domain\\?token=[A-Za-z0-9_-]+)")
                .matcher(mail.locator("pre").textContent());
        assertThat(link.find()).as("a domain link in the mail to " + email).isTrue();
        page.navigate(link.group(1));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Confirm the mail domain");
        checkAccessibility(page);
        screenshot(page, "organization-domain-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the domain")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("is verified");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the organisation's page")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("verified organisation"))).isVisible();
    }

    /** Signs in through the sign-in form. */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    @Test
    void aRepresentativeVerifiesTheOrganisationByItsMailDomainAndTheBadgeShowsOnItsComments() {
        String email = fixtures.person("Leilani Kahale");
        String token = api.token(email, TestApi.PASSWORD);
        String organization = fixtures.organization(token, "University of the South Pacific " + UUID.randomUUID()
                .toString().substring(0, 4), "ACADEMIA", "FJ");
        String domain = "usp-" + UUID.randomUUID().toString().substring(0, 6) + ".example.edu";
        Page page = context.newPage();
        signIn(page, email, TestApi.PASSWORD);

        // a public mail service is refused next to the field, with what was typed kept
        page.navigate("/organizations/" + organization);
        page.locator("#domain-claim summary").click();
        checkAccessibility(page);
        screenshot(page, "organization-domain-claim");
        page.getByLabel("An address at the organisation's own domain").fill("leilani@gmail.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the confirmation link")).click();
        assertThat(page.locator("#claim-email-error")).containsText("public mail service");
        assertThat(page.getByLabel("An address at the organisation's own domain")).hasValue("leilani@gmail.com");
        checkAccessibility(page);
        screenshot(page, "organization-domain-claim-refused");

        verifyOrganisationByDomain(page, organization, "protocol@" + domain);
        assertThat(page.locator("#verification")).containsText("Verified by its mail domain " + domain);
        checkAccessibility(page);
        screenshot(page, "organization-verified");

        // the badge follows the organisation's name onto its comments
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(0).get("id").asString();
        api.post("/api/v1/consultations/" + slug + "/comments", Map.of("paragraphId", paragraph, "body",
                "The ministry supports this paragraph.", "organizationId", organization), token);
        Page visitor = browser.newContext(api.base()).newPage();
        visitor.navigate("/consultations/" + slug + "/paragraphs/" + paragraph);
        Locator comment = visitor.locator("li.comment").first();
        assertThat(comment.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("verified organisation")))
                .isVisible();
        assertThat(comment).containsText("✓ Verified");
        checkAccessibility(visitor);
        screenshot(visitor, "comment-verified-organisation");
        visitor.navigate("/consultations/" + slug);
        visitor.locator("#p-" + paragraph + " summary").click();
        assertThat(visitor.locator("#p-" + paragraph).getByRole(AriaRole.IMG,
                new Locator.GetByRoleOptions().setName("verified organisation"))).isVisible();
        checkAccessibility(visitor);
        visitor.context().close();
    }
}
