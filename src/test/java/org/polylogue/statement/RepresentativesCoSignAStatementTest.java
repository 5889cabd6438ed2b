package org.polylogue.statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.util.regex.Pattern;
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
 * The joint statement story in a real browser: a civil society representative drafts a statement,
 * invites an academic institute (found by search) and a company, and opens signing; both sign (the
 * company through the shareable join link), the company withdraws, and the public page shows the
 * signatories by stakeholder group and regional group with the withdrawal dated. Every page is
 * checked with axe-core and photographed, including the printed version.
 */
@PolylogueTest
class RepresentativesCoSignAStatementTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    String leadEmail;
    String academiaEmail;
    String companyEmail;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        leadEmail = fixtures.person("Awa Ndiaye");
        fixtures.verifyOrganization(admin, fixtures.organization(api.token(leadEmail, TestApi.PASSWORD),
                "Sahel Digital Rights Collective", "CIVIL_SOCIETY", "SN"));
        academiaEmail = fixtures.person("Prof. Tanaka");
        fixtures.verifyOrganization(admin, fixtures.organization(api.token(academiaEmail, TestApi.PASSWORD),
                "Kyoto Institute of Cyber Law", "ACADEMIA", "JP"));
        companyEmail = fixtures.person("Jonas Weber");
        fixtures.verifyOrganization(admin, fixtures.organization(api.token(companyEmail, TestApi.PASSWORD),
                "Rheinland Cloud GmbH", "PRIVATE_SECTOR", "DE"));
    }

    @Test
    void aStatementIsDraftedTwoOrganisationsSignOneWithdrawsAndThePageCountsRight() {
        String statementPath;
        String joinPath;
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, leadEmail);
            page.navigate("/statements");
            checkAccessibility(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Draft a new statement")).click();
            page.getByLabel("Title").fill("Protect computer emergency response teams");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft")).click();
            assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
            assertThat(page.getByLabel("Title")).hasValue("Protect computer emergency response teams");
            checkAccessibility(page);
            screenshot(page, "statement-new-error");
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(
                    "We, the undersigned organisations, call on all States to **protect** CERTs.\n\n"
                            + "- Do not attack them.\n- Do not use them for offensive operations.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft")).click();
            assertThat(page.getByText("Your draft is saved")).isVisible();
            statementPath = page.url().replaceFirst("^https?://[^/]+", "");
            joinPath = page.getByLabel("Shareable join link").inputValue().replaceFirst("^https?://[^/]+", "");

            page.getByLabel("Find an organisation by name").fill("kyoto");
            page.locator("main").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Search")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite Kyoto Institute of Cyber Law"))
                    .click();
            assertThat(page.getByText("Kyoto Institute of Cyber Law is invited.")).isVisible();
            page.getByLabel("Find an organisation by name").fill("rheinland");
            page.locator("main").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Search")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite Rheinland Cloud GmbH")).click();
            checkAccessibility(page);
            checkUniqueIds(page);
            screenshot(page, "statement-draft-lead");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open signing")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Signing is open.");
            assertThat(page.locator("#signatories")).hasText("Signatories: 1");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, academiaEmail);
            page.navigate(statementPath);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this statement")).click();
            assertThat(page.getByText("Kyoto Institute of Cyber Law signed the statement.")).isVisible();
            assertThat(page.locator("#signatories")).hasText("Signatories: 2");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, companyEmail);
            page.navigate(joinPath);
            checkAccessibility(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this statement")).click();
            assertThat(page.locator("#signatories")).hasText("Signatories: 3");
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Withdraw Rheinland Cloud GmbH's signature")).click();
            assertThat(page.getByText("Rheinland Cloud GmbH withdrew its signature.")).isVisible();
            checkAccessibility(page);
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, leadEmail);
            page.navigate(statementPath);
            assertThat(page.locator("#invitations + table")).containsText("Signed");
            assertThat(page.locator("#invitations + table")).containsText("Withdrew");
            checkAccessibility(page);
            screenshot(page, "statement-lead-after-signing");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = context.newPage();
            page.navigate(statementPath);
            assertThat(page).hasTitle(Pattern.compile("^Protect computer emergency response teams"));
            assertThat(page.locator("#signatories")).hasText("Signatories: 2");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Civil society (1)")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Academia (1)")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Private sector (1)")))
                    .hasCount(0);
            var regional = page.locator("table.regional");
            assertThat(regional.getByRole(AriaRole.ROW, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(Pattern.compile("African Group 1")))).isVisible();
            assertThat(regional.getByRole(AriaRole.ROW, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(Pattern.compile("Asia-Pacific Group 1")))).isVisible();
            assertThat(regional).not().containsText("Western European");
            assertThat(page.locator("#withdrawn")).hasText("Withdrawn signatures (1)");
            assertThat(page.locator("ul.withdrawn")).containsText("Rheinland Cloud GmbH");
            assertThat(page.locator("ul.withdrawn")).containsText("withdrew");
            checkAccessibility(page);
            checkUniqueIds(page);
            screenshot(page, "statement-public");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("header.site")).isHidden();
            assertThat(page.locator("form").first()).isHidden();
            assertThat(page.getByText("Download the signatories")).isHidden();
            assertThat(page.locator("#signatories")).isVisible();
            screenshot(page, "statement-print");
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
