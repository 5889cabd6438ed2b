package org.polylogue.search;

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
 * In Chromium: a visitor searches from the header, narrows the results with a facet, gets
 * suggestions while typing a process name, and follows a result to the exact comment; an
 * administrator rebuilds the index and watches it finish. Pages pass axe-core and are photographed
 * under target/screenshots.
 */
@PolylogueTest
class SearchAndFollowAResultTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    TestApi api;
    String slug;
    String word;
    String french;
    String onParagraph;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(2).get("id").asString();
        String author = api.token(fixtures.person("Browser Searcher"), TestApi.PASSWORD);
        word = SearchWebTest.word();
        onParagraph = fixtures.comment(author, slug, paragraph,
                "States should protect the hospitals and their " + word + " from attacks.");
        french = fixtures.comment(author, slug, null, "Les États doivent protéger les hôpitaux et leurs " + word + ".");
        fixtures.comment(author, slug, null, "Государства должны защищать больницы и " + word + ".");
        long deadline = System.currentTimeMillis() + 5_000;
        while (api.get("/api/v1/search?q=" + word).json().get("total").asLong() < 3
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aVisitorSearchesNarrowsByLanguageAndFollowsAResultToTheComment() {
        Page page = context.newPage();
        page.navigate("/");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).first().fill(word);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).first().click();
        assertThat(page).hasURL(Pattern.compile("/search\\?q=" + word));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("3 results"))).isVisible();
        assertThat(page.locator("mark").first()).hasText(word);
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "search-results");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^French"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 result"))).isVisible();
        assertThat(page.locator("li.hit")).hasCount(1);
        assertThat(page.locator("li.hit .snippet")).hasAttribute("lang", "fr");
        checkAccessibility(page);
        screenshot(page, "search-facet-french");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comment on the whole document of")
                .setExact(false)).click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "/comments/" + french + "$"));
        assertThat(page.getByText("Les États doivent protéger")).isVisible();

        // the English comment links to its own page, which names its paragraph
        page.navigate("/search?q=" + word + "&language=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comment on paragraph 3")
                .setExact(false)).click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "/comments/" + onParagraph + "$"));
    }

    @Test
    void suggestionsAppearWhileTypingAProcessName() {
        Page page = context.newPage();
        page.navigate("/search?q=" + word);
        page.getByLabel("Filter by organisation or process name").pressSequentially("Working",
                new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        var suggestion = page.locator("#name-suggestions").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Working group"));
        assertThat(suggestion.first()).isVisible();
        checkAccessibility(page);
        screenshot(page, "search-suggestions");
        suggestion.first().click();
        assertThat(page).hasURL(Pattern.compile("/search\\?process="));
        assertThat(page.locator("li.hit").first()).isVisible();
    }

    @Test
    void anAdministratorRebuildsTheIndex() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill("admin@example.org");
        page.getByLabel("Password").fill("administrator password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/admin/search");
        checkAccessibility(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild the index")).click();
        assertThat(page).hasURL(Pattern.compile("/admin/search$"));
        screenshot(page, "search-admin-rebuilding");
        assertThat(page.getByText(Pattern.compile("The last rebuild wrote \\d+ documents"))).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        checkAccessibility(page);
        screenshot(page, "search-admin-done");
    }
}
