package org.polylogue.moderation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import java.util.regex.Pattern;
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
 * The moderation story in a real browser: a person reports a comment, a moderator of the process
 * hides it under a published rule with a reason, the public sees the notice and the log entry, the
 * author asks for a review and the secretariat shows it again. Every page is checked with axe-core
 * and photographed under target/screenshots.
 */
@PolylogueTest
class ReportHideReviewRestoreBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aReportedCommentIsHiddenUnderARuleThenShownAgainAfterReview() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String slug = fixtures.openConsultation(admin, process).get("slug").asString();
        String authorEmail = fixtures.person("Kofi Mensah");
        String commentId = fixtures.comment(api.token(authorEmail, TestApi.PASSWORD), slug, null,
                "Whoever wrote this draft is an idiot who knows nothing about the internet.");
        String reporterEmail = fixtures.person("Lena Vogel");
        String moderatorEmail = fixtures.person("Mia Moderator");
        String secretariatEmail = fixtures.person("Sam Secretariat");
        for (var role : Map.of(moderatorEmail, "MODERATOR", secretariatEmail, "SECRETARIAT").entrySet()) {
            api.post("/api/v1/processes/" + process + "/roles", Map.of("email", role.getKey(), "role", role.getValue()),
                    admin);
        }
        String commentPage = "/consultations/" + slug + "/comments/" + commentId;

        // the secretariat publishes the rules
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, secretariatEmail);
            page.navigate("/processes/" + process);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Moderation rules and log")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the rule")).click();
            assertThat(page.getByLabel("Title")).hasAttribute("aria-invalid", "true");
            checkAccessibility(page);
            page.getByLabel("Title").fill("Respect other participants");
            page.getByLabel("Description").fill("Criticise positions, not people: no insults.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the rule")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Rule 1 was published.");
            page.getByLabel("Title").fill("No advertising");
            page.getByLabel("Description").fill("Comments are about the draft.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the rule")).click();
            assertThat(page.locator("ol.rules > li")).hasCount(2);
            checkAccessibility(page);
            screenshot(page, "moderation-rules");
        }

        // a person reports the comment
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, reporterEmail);
            page.navigate(commentPage);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report this comment by Kofi Mensah"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report to the moderators")))
                    .isVisible();
            checkAccessibility(page);
            page.getByLabel("Why should the moderators look at it?").fill("Insults the authors of the draft.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you");
            checkAccessibility(page);
            screenshot(page, "moderation-reported");
        }

        // a moderator of the process hides it under a rule, with a reason
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, moderatorEmail);
            page.navigate("/processes/" + process + "/moderation");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the moderation queue")).click();
            var item = page.locator("section.queue-item");
            assertThat(item).hasCount(1);
            assertThat(item).containsText("Insults the authors of the draft.");
            assertThat(item).containsText("knows nothing about the internet");
            assertThat(item).not().containsText("Lena Vogel");
            checkAccessibility(page);
            screenshot(page, "moderation-queue");
            String key = "comment-" + commentId;
            page.locator("#hide-reason-" + key).fill("Calls a person an idiot.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hide")).click();
            assertThat(page.locator("#rule-" + key)).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#hide-reason-" + key)).hasValue("Calls a person an idiot.");
            assertThat(page).hasTitle(Pattern.compile("^Error: Moderation queue"));
            checkAccessibility(page);
            screenshot(page, "moderation-hide-refused");
            page.locator("#rule-" + key).selectOption(new SelectOption().setLabel("1. Respect other participants"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hide")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Hidden");
            assertThat(page.getByText("Nothing is waiting.")).isVisible();
        }

        // the public sees the notice, and the log entry
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = context.newPage();
            page.navigate("/consultations/" + slug);
            assertThat(page.locator(".hidden-notice")).containsText(
                    "under rule “1. Respect other participants”: Calls a person an idiot.");
            assertThat(page.locator("main")).not().containsText("knows nothing about the internet");
            checkAccessibility(page);
            screenshot(page, "moderation-notice");
            page.navigate("/processes/" + process + "/moderation");
            var entry = page.locator("ol.moderation-log > li");
            assertThat(entry).hasCount(1);
            assertThat(entry).containsText("Hidden");
            assertThat(entry).containsText("by Mia Moderator");
            assertThat(entry).containsText("rule 1: Respect other participants");
            assertThat(entry).containsText("Reason: Calls a person an idiot.");
            assertThat(page.locator("main")).not().containsText("Lena Vogel");
            checkUniqueIds(page);
            checkAccessibility(page);
            screenshot(page, "moderation-log");
            entry.getByRole(AriaRole.LINK).click();
            assertThat(page.locator(".hidden-notice")).isVisible();
        }

        // the author asks for a review, once
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, authorEmail);
            page.navigate("/me/contributions");
            assertThat(page.locator(".hidden-notice")).isVisible();
            checkAccessibility(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Ask for a review"))).click();
            checkAccessibility(page);
            page.getByLabel("Your statement").fill("I was angry; I criticise the draft, not a person.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a review")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You asked for a review");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a review")))
                    .hasCount(0);
            checkAccessibility(page);
            screenshot(page, "moderation-review-requested");
        }

        // another moderator (the secretariat) shows it again
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, secretariatEmail);
            page.navigate("/processes/" + process + "/moderation/queue");
            var item = page.locator("section.queue-item");
            assertThat(item).containsText("I was angry; I criticise the draft, not a person.");
            assertThat(item).containsText("hidden by Mia Moderator");
            checkAccessibility(page);
            screenshot(page, "moderation-review");
            page.getByLabel("Show it again").check();
            page.locator("#review-reason-comment-" + commentId).fill("Harsh, but the author withdrew the insult.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide the review")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Shown again after review");
            page.navigate(commentPage);
            assertThat(page.locator("main")).containsText("knows nothing about the internet");
            page.navigate("/processes/" + process + "/moderation");
            assertThat(page.locator("ol.moderation-log > li")).hasCount(3);
            assertThat(page.locator("ol.moderation-log > li").first()).containsText("Shown again after review");
            assertThat(page.locator("ol.moderation-log > li").first()).containsText("by Sam Secretariat");
            screenshot(page, "moderation-log-restored");
        }
    }

    private Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        return page;
    }
}
