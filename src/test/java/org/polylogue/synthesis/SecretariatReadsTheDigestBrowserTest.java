package org.polylogue.synthesis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
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
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the secretariat starts a synthesis, watches its progress, reads the digest and
 * follows the campaign to its members. Pages pass axe-core and are photographed.
 */
@PolylogueTest
class SecretariatReadsTheDigestBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    String slug;
    String secretariat;

    @BeforeEach
    void setUp() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        var consultation = fixtures.openConsultation(admin, process);
        slug = consultation.get("slug").asString();
        secretariat = fixtures.person("Browser Secretariat");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariat, "role", "SECRETARIAT"), admin);
        String paragraph = consultation.get("document").get("paragraphs").get(2).get("id").asString();
        String[] groups = {"CIVIL_SOCIETY", "PRIVATE_SECTOR", "ACADEMIA"};
        for (int i = 0; i < 5; i++) {
            String token = api.token(fixtures.person("Signer " + i), TestApi.PASSWORD);
            fixtures.comment(token, slug, paragraph, SynthesisWebTest.CAMPAIGN + " Signed, signer " + i + ".");
        }
        var texts = LabelledCorpus.uniqueEnglish(9, new int[] {0, 2, 5}, 9);
        for (int i = 0; i < texts.size(); i++) {
            String token = api.token(fixtures.person("Writer " + i), TestApi.PASSWORD);
            String org = fixtures.organization(token, "Writer organisation " + i, groups[i % 3], "KE");
            api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", texts.get(i), "organizationId", org,
                    "paragraphId", paragraph), token);
        }
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theSecretariatStartsASynthesisReadsTheDigestAndFollowsTheCampaign() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(secretariat);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        page.navigate("/consultations/" + slug);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("read the digest of this consultation")).click();
        assertThat(page.getByText("No synthesis has been computed yet")).isVisible();
        checkAccessibility(page);
        screenshot(page, "synthesis-digest-empty");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start synthesis")).click();
        assertThat(page).hasURL(Pattern.compile("/synthesis/jobs/[^/]+$"));
        assertThat(page.getByLabel("Progress")).isVisible();
        checkAccessibility(page);
        checkUniqueIds(page);
        // the server-sent events bring the job to its end without a reload
        assertThat(page.locator("#job-state")).hasText("Finished", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#job-progress")).hasAttribute("value", "100");
        screenshot(page, "synthesis-job-finished");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the digest")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Headline figures"))).isVisible();
        assertThat(page.locator("dl.figures")).containsText("Campaigns");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "synthesis-digest");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Campaign of 5 signatories")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Every source (5)"))).isVisible();
        assertThat(page.locator("ol.sources li")).hasCount(5);
        checkAccessibility(page);
        screenshot(page, "synthesis-campaign");

        page.locator("ol.sources li a").first().click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "/comments/[^/]+$"));
    }
}
