package org.polylogue.accreditation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accreditation story in a real browser: an NGO's representative requests accreditation, a
 * verified member state objects with a reason, the secretariat first forgets the reason of a
 * refusal and then accredits, and anyone reads the public log. Every page is checked with axe-core
 * and photographed under target/screenshots.
 */
@PolylogueTest
class MemberStateObjectsAndSecretariatDecidesTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    String process;
    String ngoEmail;
    String stateEmail;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        var trust = new TrustFixtures(jdbc);
        String admin = fixtures.administrator();
        process = fixtures.process(admin);
        ngoEmail = fixtures.person("Awa Ndiaye");
        String ngo = fixtures.organization(api.token(ngoEmail, TestApi.PASSWORD), "Sahel Digital Rights Collective",
                "CIVIL_SOCIETY", "SN");
        trust.ecosoc(ngo, "SPECIAL");
        stateEmail = fixtures.person("Delegate of Indonesia");
        String state = fixtures.organization(api.token(stateEmail, TestApi.PASSWORD),
                "Ministry of Foreign Affairs of Indonesia", "MEMBER_STATE", "ID");
        trust.verify(state);
    }

    @Test
    void aRequestIsObjectedToThenAccreditedAndEveryoneCanReadWhy() {
        String log = "/processes/" + process + "/accreditation";

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, ngoEmail);
            page.navigate("/processes/" + process);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accreditation log")).click();
            assertThat(page).hasURL(Pattern.compile(log + "$"));
            assertThat(page.getByText("Taking part on Polylogue never depends on accreditation")).isVisible();
            checkAccessibility(page);
            screenshot(page, "accreditation-empty");
            page.getByLabel("Organisation").selectOption(new SelectOption().setLabel("Sahel Digital Rights Collective"));
            page.getByLabel("Statement (optional)").fill("We document network shutdowns in the Sahel.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request accreditation")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sahel Digital Rights Collective requested accreditation.");
            assertThat(page.locator("article.accreditation .status")).hasText("Requested");
            checkAccessibility(page);
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, stateEmail);
            page.navigate(log);
            Locator request = page.locator("article.accreditation").first();
            request.getByText("Object to this request").click();
            request.getByLabel("Reason (optional)").fill("The collective has not shown that its work is within the mandate.");
            checkAccessibility(page);
            screenshot(page, "accreditation-object");
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Object")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("objected to the request");
            assertThat(page.locator("article.accreditation .status")).hasText("Objected to");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw this objection")))
                    .isVisible();
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, "admin@example.org", "administrator password");
            page.navigate(log);
            Locator request = page.locator("article.accreditation").first();
            request.getByText("Decide on this request").click();
            request.getByLabel("Not accredited", new Locator.GetByLabelOptions().setExact(true)).check();
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the decision")).click();
            Locator reason = page.getByLabel("Reason (required when not accredited)");
            assertThat(reason).hasAttribute("aria-invalid", "true");
            assertThat(reason).hasAttribute("aria-describedby", Pattern.compile("-reason-error$"));
            assertThat(page).hasTitle(Pattern.compile("^Error: Accreditation log"));
            assertThat(page.getByLabel("Not accredited", new Page.GetByLabelOptions().setExact(true))).isChecked();
            checkAccessibility(page);
            screenshot(page, "accreditation-decide-refused");
            page.getByLabel("Accredited", new Page.GetByLabelOptions().setExact(true)).check();
            reason.fill("Its work on network shutdowns is within the mandate.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The decision was recorded.");
            assertThat(page.locator("article.accreditation .status")).hasText("Accredited");
        }

        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = context.newPage();
            page.navigate(log);
            Locator request = page.locator("article.accreditation");
            assertThat(request).hasCount(1);
            assertThat(request.locator("h3")).containsText("Sahel Digital Rights Collective");
            assertThat(request.locator("dl.facts")).containsText("Special consultative status");
            assertThat(request.locator("dl.facts")).containsText("Senegal");
            Locator steps = request.locator("ol.timeline > li");
            assertThat(steps).hasCount(3);
            assertThat(steps.nth(0)).containsText("requested accreditation");
            assertThat(steps.nth(0)).containsText("We document network shutdowns in the Sahel.");
            assertThat(steps.nth(1)).containsText("Ministry of Foreign Affairs of Indonesia ✓ Verified objected");
            assertThat(steps.nth(1)).containsText("Reason: The collective has not shown");
            assertThat(steps.nth(1)).containsText("Delegate of Indonesia");
            assertThat(steps.nth(2)).containsText("The secretariat decided: accredited");
            assertThat(page.locator("main form")).hasCount(0);
            checkUniqueIds(page);
            checkAccessibility(page);
            screenshot(page, "accreditation-log");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not accredited: 0")).click();
            assertThat(page).hasURL(Pattern.compile("state=NOT_ACCREDITED"));
            assertThat(page.getByText("No requests in this state.")).isVisible();
            checkAccessibility(page);
        }

        try (BrowserContext phone = browser.newContext(api.base(), 390, 844)) {
            Page small = phone.newPage();
            small.navigate(log);
            int scrollWidth = ((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue();
            org.assertj.core.api.Assertions.assertThat(scrollWidth).as("no horizontal scrolling at 390px")
                    .isLessThanOrEqualTo(390);
            screenshot(small, "accreditation-log-phone");
        }
    }

    private Page signIn(BrowserContext context, String email) {
        return signIn(context, email, TestApi.PASSWORD);
    }

    private Page signIn(BrowserContext context, String email, String password) {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        return page;
    }
}
