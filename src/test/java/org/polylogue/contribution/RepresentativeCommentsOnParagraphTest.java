package org.polylogue.contribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The main story in a real browser: a person registers, creates the organisation they represent,
 * comments on paragraph 3 of an open draft in its name, anyone sees it, and once the secretariat
 * closes the window the form is gone and a late submission is refused with the text kept. Every
 * page is checked with axe-core (WCAG 2.2 AA) and photographed under target/screenshots.
 */
@PolylogueTest
class RepresentativeCommentsOnParagraphTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String COMMENT = "Please name critical infrastructure explicitly, including the public core of the internet.";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    String admin;
    String slug;
    String paragraph3;
    BrowserContext representative;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        paragraph3 = consultation.get("document").get("paragraphs").get(2).get("id").asString();
        representative = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        representative.close();
    }

    @Test
    void aRepresentativeCommentsOnParagraphThreeForTheirOrganisationUntilTheWindowCloses() {
        Page page = representative.newPage();

        // The front page lists the open consultation; the person registers.
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Consultation on the draft report")))
                .isVisible();
        checkAccessibility(page);
        screenshot(page, "home");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register")).click();
        checkAccessibility(page);
        screenshot(page, "register");
        page.getByLabel("Display name").fill("Ana Reyes");
        page.getByLabel("Email").fill("ana.reyes@example.org");
        page.getByLabel("Password").fill("correct horse battery");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page).hasURL(Pattern.compile("/account"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        checkAccessibility(page);
        screenshot(page, "account");

        // They confirm their address with the link mailed to them (read here from the dev mailbox).
        page.navigate("/dev/mailbox");
        String link = page.locator("pre.mail").first().textContent().replaceAll("(?s).*?(https?://\\S+/verify-email\\?token=\\S+).*", "$1");
        page.navigate(link.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.locator("h1")).hasText("Your email address is confirmed");
        page.navigate("/account");

        // They create the organisation they represent.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an organisation")).click();
        assertThat(page).hasURL(Pattern.compile("/organizations/new$"));
        checkAccessibility(page);
        screenshot(page, "organization-new");
        page.getByLabel("Name").fill("Digital Rights Lab");
        page.getByLabel("Stakeholder group").selectOption(new SelectOption().setLabel("Civil society"));
        page.getByLabel("Country").selectOption(new SelectOption().setLabel("Chile"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the organisation")).click();
        assertThat(page).hasURL(Pattern.compile("/organizations/[^/]+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Digital Rights Lab"))).isVisible();
        assertThat(page.locator("dl.facts")).containsText("Chile");
        assertThat(page.locator("dl.facts")).containsText("Civil society");
        checkAccessibility(page);
        screenshot(page, "organization");

        // On the consultation page, an empty comment on paragraph 3 is refused next to the field.
        page.navigate("/consultations/" + slug);
        checkUniqueIds(page);
        Locator paragraph = page.locator("#p-" + paragraph3);
        assertThat(paragraph.locator("summary")).hasText("Comment on paragraph 3");
        paragraph.locator("summary").click();
        Locator body = paragraph.getByLabel("Your comment on paragraph 3");
        assertThat(body).isVisible();
        openEveryDetails(page);
        checkAccessibility(page);
        screenshot(page, "consultation-signed-in");
        page.navigate("/consultations/" + slug);
        paragraph.locator("summary").click();
        paragraph.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish comment")).click();
        Locator bodyOnErrorPage = page.getByLabel("Your comment on paragraph 3");
        assertThat(bodyOnErrorPage).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#body-" + paragraph3 + "-error")).containsText("Your comment is empty; write your comment.");
        assertThat(page).hasTitle(Pattern.compile("^Error: Paragraph 3"));
        assertThat(bodyOnErrorPage).hasAttribute("aria-describedby", Pattern.compile("body-" + paragraph3 + "-error"));
        checkAccessibility(page);
        screenshot(page, "comment-empty");

        // They write their comment speaking for the organisation and publish it.
        page.navigate("/consultations/" + slug);
        paragraph.locator("summary").click();
        paragraph.getByLabel("Your comment on paragraph 3").fill(COMMENT);
        paragraph.getByLabel("Speaking for").selectOption(new SelectOption().setLabel("Digital Rights Lab"));
        paragraph.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish comment")).click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "#comment-"));
        Locator published = paragraph.locator("li.comment");
        assertThat(published).hasCount(1);
        assertThat(published).isVisible();
        assertThat(published).containsText(COMMENT);
        assertThat(published).containsText("Ana Reyes for Digital Rights Lab");
        assertThat(paragraph.locator("summary")).hasText("1 comment on paragraph 3");

        // Anyone, signed out, sees it with the organisation under paragraph 3.
        try (BrowserContext visitor = browser.newContext(api.base())) {
            Page anyone = visitor.newPage();
            anyone.navigate("/consultations/" + slug);
            assertThat(anyone.getByText("Sign in or register to comment.")).isVisible();
            Locator seen = anyone.locator("#p-" + paragraph3);
            seen.locator("summary").click();
            assertThat(seen.locator("li.comment")).containsText(COMMENT);
            assertThat(seen.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Digital Rights Lab")))
                    .isVisible();
            assertThat(anyone.locator("textarea")).hasCount(0);
            checkUniqueIds(anyone);
            checkAccessibility(anyone);
            anyone.mouse().move(0, 0);
            screenshot(anyone, "consultation");
            openEveryDetails(anyone);
            checkAccessibility(anyone);
        }

        // The page is usable from the keyboard: skip link first, then summaries open with Enter.
        try (BrowserContext keyboard = browser.newContext(api.base())) {
            Page person = keyboard.newPage();
            person.navigate("/consultations/" + slug);
            person.keyboard().press("Tab");
            assertThat(person.locator(":focus")).hasText("Skip to content");
            assertThat(person.locator(":focus")).isVisible();
            person.keyboard().press("Enter");
            assertThat(person).hasURL(Pattern.compile("#main$"));
            Locator summary = person.locator("#p-" + paragraph3 + " summary");
            for (int i = 0; i < 40 && !focused(summary); i++) {
                person.keyboard().press("Tab");
            }
            assertThat(focused(summary)).as("paragraph 3's summary is reachable with Tab").isTrue();
            person.keyboard().press("Enter");
            assertThat(person.locator("#p-" + paragraph3 + " details")).hasAttribute("open", "");
            assertThat(person.locator("#p-" + paragraph3 + " li.comment")).isVisible();
        }

        // On a phone, the page reads in one column.
        try (BrowserContext phone = browser.newContext(api.base(), 390, 844)) {
            Page small = phone.newPage();
            small.navigate("/consultations/" + slug);
            small.locator("#p-" + paragraph3 + " summary").click();
            int scrollWidth = ((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(scrollWidth).as("no horizontal scrolling at 390px").isLessThanOrEqualTo(390);
            checkAccessibility(small);
            screenshot(small, "consultation-phone");
        }
        try (Page small = representative.newPage()) {
            small.setViewportSize(390, 844);
            small.navigate("/consultations/" + slug);
            small.locator("#p-" + paragraph3 + " summary").click();
            assertThat(small.getByLabel("Your comment on paragraph 3")).isVisible();
            int scrollWidth = ((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(scrollWidth).as("no horizontal scrolling at 390px with the form").isLessThanOrEqualTo(390);
            screenshot(small, "consultation-phone-signed-in");
        }

        // With the page loaded and a comment typed, the secretariat closes the window...
        page.navigate("/consultations/" + slug);
        paragraph.locator("summary").click();
        paragraph.getByLabel("Your comment on paragraph 3").fill("A late thought on paragraph 3.");
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var closed = api.patch("/api/v1/consultations/" + slug,
                Map.of("opensAt", now.minusDays(2).toString(), "closesAt", now.minusMinutes(1).toString()), admin);
        assertThat(closed.status()).isEqualTo(200);

        // ...so publishing is refused next to the field, and what they typed is kept.
        paragraph.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish comment")).click();
        Locator kept = page.getByLabel("Your comment on paragraph 3");
        assertThat(kept).hasValue("A late thought on paragraph 3.");
        assertThat(kept).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#body-" + paragraph3 + "-error")).containsText(
                Pattern.compile("This consultation closed on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC, so your comment was not published"));
        checkAccessibility(page);
        screenshot(page, "comment-refused-closed");

        // Reloaded, the consultation page says comments are closed and offers no form.
        page.navigate("/consultations/" + slug);
        assertThat(page.locator(".window.closed")).isVisible();
        paragraph.locator("summary").click();
        assertThat(paragraph.getByText("Comments are closed.")).isVisible();
        assertThat(paragraph.locator("li.comment")).containsText(COMMENT);
        assertThat(page.locator("textarea")).hasCount(0);
        assertThat(page.locator("#p-" + paragraph3 + " ~ .paragraph .no-comments").first()).hasText("No comments");
        openEveryDetails(page);
        checkAccessibility(page);
        screenshot(page, "consultation-closed");
    }

    private static boolean focused(Locator locator) {
        return (Boolean) locator.evaluate("e => e === document.activeElement");
    }

    /** Opens every details element so that axe also checks what is folded away. */
    private static void openEveryDetails(Page page) {
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)");
    }
}
