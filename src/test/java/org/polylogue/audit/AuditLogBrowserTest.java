package org.polylogue.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator looks into failed sign-ins on an account that someone is attacking. */
@PolylogueTest
class AuditLogBrowserTest {

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
    void anAdministratorFiltersTheLogByKindAndAccount() {
        var fixtures = new Fixtures(api, accounts);
        fixtures.administrator();
        String email = fixtures.person("Watched Journalist");
        var attacker = new TestBrowser(port);
        for (int i = 0; i < 3; i++) {
            attacker.get("/sign-in");
            attacker.post("/sign-in", Map.of("email", email, "password", "not the password " + i));
        }

        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill("admin@example.org");
        page.getByLabel("Password").fill("administrator password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/admin/audit");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();
        page.getByLabel("Kind of event").selectOption(new SelectOption().setValue("SIGN_IN_FAILED"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("table.data tbody tr")).hasCount(3);
        assertThat(page.locator("table.data")).containsText("nobody signed in");
        assertThat(page.locator("table.data")).containsText("wrong password");
        assertThat(page.locator("table.data")).not().containsText("127.0.0.1");
        checkAccessibility(page);
        screenshot(page, "audit-log");

        String id = accounts.findByEmail(email).orElseThrow().id();
        page.navigate("/admin/audit?account=" + id);
        assertThat(page.locator("table.data")).containsText("email verified");
        assertThat(page.locator("table.data")).containsText("sign in failed");
    }
}
