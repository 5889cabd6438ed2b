package org.polylogue.drafting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the secretariat uploads version 2 of the draft, reviews the alignment, corrects one
 * match, publishes, and opens the changes side by side and as a redline. axe-core on every page;
 * screenshots under target/screenshots.
 */
@PolylogueTest
class SecretariatPublishesVersionTwoTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    String slug;

    @BeforeEach
    void setUp() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        slug = fixtures.openConsultation(admin, fixtures.process(admin)).get("slug").asString();
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theSecretariatUploadsReviewsCorrectsPublishesAndComparesVersions() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill("admin@example.org");
        page.getByLabel("Password").fill("administrator password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        page.navigate("/consultations/" + slug);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versions").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "/versions$"));
        checkAccessibility(page);

        page.getByLabel("The new version as Markdown").fill(VersionApiWebTest.VERSION_2);
        screenshot(page, "versions-upload");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and review")).click();
        assertThat(page).hasURL(Pattern.compile("/versions/2$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Review draft version 2");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "versions-review");

        // the last paragraph is really the old third one, rewritten
        var select = page.getByLabel("Paragraph 5 matches");
        String third = page.locator("#previous-5 option").nth(3).getAttribute("value");
        select.selectOption(third);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the corrected matches")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The alignment was corrected.");
        assertThat(page.getByLabel("Paragraph 5 matches")).hasValue(third);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish version 2")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Version 2 is published");
        checkAccessibility(page);
        screenshot(page, "versions-published");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Changes from version 1")).click();
        assertThat(page.locator("table.diff-table")).isVisible();
        assertThat(page.locator("table.diff-table")).containsText("moved from ¶5");
        checkAccessibility(page);
        screenshot(page, "versions-diff-side-by-side");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show as a redline")).click();
        assertThat(page.locator("article.redline ins").first()).isVisible();
        assertThat(page.locator("article.redline del").first()).isVisible();
        checkAccessibility(page);
        screenshot(page, "versions-diff-redline");
    }
}
