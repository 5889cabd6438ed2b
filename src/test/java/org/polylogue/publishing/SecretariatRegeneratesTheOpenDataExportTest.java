package org.polylogue.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
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
 * A visitor reads what the open data contains; the secretariat of a process generates its export
 * again from the page (and only its own process's).
 */
@PolylogueTest
class SecretariatRegeneratesTheOpenDataExportTest {

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
    void aVisitorReadsTheOpenDataPageAndTheSecretariatGeneratesItsExport() {
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String other = fixtures.process(admin);
        String email = fixtures.person("Sam Secretariat");
        var appointed = api.post("/api/v1/processes/" + process + "/roles", Map.of("email", email, "role",
                "SECRETARIAT"), admin);
        org.assertj.core.api.Assertions.assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);

        Page visitor = context.newPage();
        visitor.navigate("/open-data");
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Open data"))).isVisible();
        assertThat(visitor.locator("a[href='/api/v1/exports/all.zip']")).isVisible();
        assertThat(visitor.locator("a[href='/api/v1/exports/" + process + ".zip']")).isVisible();
        assertThat(visitor.locator("#kind-comments")).isVisible();
        assertThat(visitor.locator("main").getByRole(AriaRole.BUTTON)).not().isVisible();
        checkAccessibility(visitor);
        screenshot(visitor, "open-data-visitor");
        visitor.close();

        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/open-data");
        var buttons = page.locator("table.open-data-downloads button");
        assertThat(buttons).hasCount(1);
        assertThat(page.locator("tr", new Page.LocatorOptions().setHas(page.locator("a[href='/api/v1/exports/"
                + other + ".zip']"))).locator("button")).hasCount(0);
        buttons.first().click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(process + ".zip was generated again");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHas(page.locator("a[href='/api/v1/exports/"
                + process + ".zip']")))).containsText("KB");
        checkAccessibility(page);
        screenshot(page, "open-data-secretariat");
    }
}
