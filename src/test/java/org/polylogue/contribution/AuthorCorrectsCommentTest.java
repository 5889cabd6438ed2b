package org.polylogue.contribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
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
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An author corrects a typo from "my contributions"; readers see that it was edited and what it said. */
@PolylogueTest
class AuthorCorrectsCommentTest {

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
    void theAuthorCorrectsAndTheRecordKeepsTheFirstText() {
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(2).get("id").asString();
        String email = fixtures.person("Kwame Mensah");
        fixtures.comment(api.token(email, TestApi.PASSWORD), slug, paragraph, "Critical infrastucture needs naming.");

        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/me/contributions");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("change")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Change your comment")))
                .isVisible();
        checkAccessibility(page);
        screenshot(page, "comment-edit");
        page.getByLabel("Your comment").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the change")).click();
        assertThat(page.locator("#body-edit-error")).containsText("is empty");
        page.getByLabel("Your comment").fill("Critical infrastructure needs naming.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the change")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Earlier texts"))).isVisible();
        assertThat(page.locator(".comment-body")).containsText("Critical infrastructure needs naming.");
        assertThat(page.locator("pre.revision")).containsText("Critical infrastucture needs naming.");
        checkAccessibility(page);
        screenshot(page, "comment-revisions");

        page.navigate("/consultations/" + slug + "/paragraphs/" + paragraph);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("edited"))).isVisible();
    }
}
