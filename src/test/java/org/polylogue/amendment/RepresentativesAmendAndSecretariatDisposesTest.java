package org.polylogue.amendment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
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
 * The amendment story in a real browser: a civil society representative proposes an amendment (a
 * missing rationale first), an academic institute supports it, the secretariat accepts it and
 * publishes, and the public trail shows the entry; then the secretariat uploads and publishes the
 * next version carrying the amendment, and the public sees the redline, the paragraph linking back
 * to the amendment, and the trail entry pointing to the changed paragraph. Every page is checked
 * with axe-core and photographed.
 */
@PolylogueTest
class RepresentativesAmendAndSecretariatDisposesTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    String slug;
    String proposerEmail;
    String supporterEmail;
    String secretariatEmail;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        slug = fixtures.openConsultation(admin, process).get("slug").asString();
        proposerEmail = fixtures.person("Awa Ndiaye");
        fixtures.organization(api.token(proposerEmail, TestApi.PASSWORD), "Sahel Digital Rights Collective",
                "CIVIL_SOCIETY", "SN");
        supporterEmail = fixtures.person("Prof. Tanaka");
        fixtures.organization(api.token(supporterEmail, TestApi.PASSWORD), "Kyoto Institute of Cyber Law", "ACADEMIA",
                "JP");
        secretariatEmail = fixtures.person("Secretariat Officer");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role", "SECRETARIAT"),
                admin);
    }

    @Test
    void anAmendmentIsProposedSupportedAcceptedPublishedAndTrailed() {
        String amendmentPath;
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, proposerEmail);
            page.navigate("/consultations/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Amendments").setExact(true)).click();
            checkAccessibility(page);
            page.getByLabel("Paragraph", new Page.GetByLabelOptions().setExact(true)).selectOption(
                    new com.microsoft.playwright.options.SelectOption().setIndex(3));
            page.getByLabel("New text").fill(AMENDED);
            page.getByLabel("Propose for").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Sahel Digital Rights Collective"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the amendment")).click();
            assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
            assertThat(page.getByLabel("New text")).hasValue(AMENDED);
            checkAccessibility(page);
            screenshot(page, "amendment-propose-error");
            page.getByLabel("Rationale").fill("Align with the agreed norm of 2015.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the amendment")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your amendment is published");
            assertThat(page.locator(".redline ins").first()).isVisible();
            checkAccessibility(page);
            checkUniqueIds(page);
            screenshot(page, "amendment-proposed");
            amendmentPath = page.url().replaceFirst("^https?://[^/]+", "");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, supporterEmail);
            page.navigate(amendmentPath);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Support this amendment")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your organisation supports this amendment.");
            assertThat(page.locator("#supports")).hasText("Supporting organisations: 1");
            assertThat(page.getByRole(AriaRole.TABLE).first()).containsText("Academia");
            checkAccessibility(page);
            screenshot(page, "amendment-supported");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, secretariatEmail);
            page.navigate(amendmentPath);
            page.getByLabel("Accepted", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Reason").fill("Consensus in the second informal meeting.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the disposition as a draft"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved as a draft");
            checkAccessibility(page);
            screenshot(page, "amendment-disposed-draft");
            page.navigate("/consultations/" + slug + "/trail");
            checkAccessibility(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish dispositions")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("published");
            screenshot(page, "amendment-trail-secretariat");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = context.newPage();
            page.navigate("/consultations/" + slug + "/trail");
            var row = page.locator("tr", new Page.LocatorOptions().setHasText("Sahel Digital Rights Collective"));
            assertThat(row).containsText("Accepted");
            assertThat(row).containsText("Consensus in the second informal meeting.");
            assertThat(row).containsText("Not yet in a new version");
            checkAccessibility(page);
            checkUniqueIds(page);
            screenshot(page, "amendment-trail-public");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, secretariatEmail);
            page.navigate("/consultations/" + slug + "/versions");
            page.getByLabel("The new version as Markdown").fill(Fixtures.DRAFT.replace(
                    "States should not conduct or knowingly support activity that damages critical infrastructure.",
                    AMENDED));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and review")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish version 2")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Version 2 is published");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = context.newPage();
            page.navigate("/consultations/" + slug + "/diff?from=1&to=2");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show as a redline")).click();
            assertThat(page.locator("ins").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("providing services")).first()).isVisible();
            checkAccessibility(page);
            screenshot(page, "amendment-next-version-redline");

            page.navigate("/consultations/" + slug + "/versions/2");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("an accepted amendment to paragraph 3"))
                    .click();
            org.assertj.core.api.Assertions.assertThat(page.url()).endsWith(amendmentPath);

            page.navigate("/consultations/" + slug + "/trail");
            var row = page.locator("tr", new Page.LocatorOptions().setHasText("Sahel Digital Rights Collective"));
            assertThat(row).containsText("Changed");
            assertThat(row).not().containsText("Not yet in a new version");
            checkAccessibility(page);
            screenshot(page, "amendment-trail-after-next-version");
        }
    }

    /** The amendment to paragraph 3 (the fourth option, after the prompt). */
    static final String AMENDED = "States should not conduct or knowingly support ICT activity that intentionally "
            + "damages critical infrastructure providing services to the public.";

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
