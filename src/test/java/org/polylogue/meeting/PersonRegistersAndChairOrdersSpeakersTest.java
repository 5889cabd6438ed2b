package org.polylogue.meeting;

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
 * A representative registers her organisation for an informal consultation and gets the confirmation
 * with a calendar file; others ask for the floor; the secretariat orders the speakers list.
 */
@PolylogueTest
class PersonRegistersAndChairOrdersSpeakersTest {

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
    void aRepresentativeRegistersAndTheSecretariatOrdersTheSpeakersList() {
        var fixtures = new Fixtures(api, accounts);
        var meetings = new MeetingFixtures(api);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String secretariatEmail = fixtures.person("Story Secretariat");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role", "SECRETARIAT"),
                admin);
        String slug = meetings.meeting(api.token(secretariatEmail, TestApi.PASSWORD), process, 3, 50).get("slug")
                .asString();
        String amaraEmail = fixtures.person("Amara Diallo");
        String amara = api.token(amaraEmail, TestApi.PASSWORD);
        fixtures.organization(amara, "Sahel Digital Rights Collective", "CIVIL_SOCIETY", "SN");
        String delegate = api.token(fixtures.person("Kadri Tamm"), TestApi.PASSWORD);
        String ministry = fixtures.organization(delegate, "Ministry of Foreign Affairs of Estonia", "MEMBER_STATE",
                "EE");
        meetings.register(delegate, slug, ministry, false);
        api.post("/api/v1/meetings/" + slug + "/speakers", Map.of("organizationId", ministry), delegate);

        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(amaraEmail);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/processes/" + process);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meetings").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Informal consultation on capacity-building"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Informal consultation on capacity-building");
        checkAccessibility(page);
        page.getByLabel("Attending for").selectOption("Sahel Digital Rights Collective");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are registered");
        assertThat(page.locator(".registration-state")).containsText("for Sahel Digital Rights Collective");
        assertThat(page.locator("section:has(#participants-heading)")).containsText("Amara Diallo");
        checkAccessibility(page);
        screenshot(page, "meeting-registered");
        org.assertj.core.api.Assertions.assertThat(fixtures.lastMailTo(amaraEmail)).contains("Your place is confirmed");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The speakers list by stakeholder group"))
                .click();
        page.getByLabel("Speaking for").selectOption("Sahel Digital Rights Collective");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the floor")).click();
        assertThat(page.locator("ol.speakers").first()).containsText("Sahel Digital Rights Collective");
        checkAccessibility(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        page.navigate("/sign-in");
        page.getByLabel("Email").fill(secretariatEmail);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/meetings/" + slug + "/speakers");
        var first = page.locator("ol.speakers > li").first();
        assertThat(first).containsText("Ministry of Foreign Affairs of Estonia");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up: Amara Diallo, number 2")).click();
        assertThat(page.locator("ol.speakers > li").first()).containsText("Sahel Digital Rights Collective");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark number 1 as spoken")).click();
        assertThat(page.locator("ol.speakers.spoke")).containsText("Amara Diallo");
        assertThat(page.locator("table.speakers-balance")).containsText("Civil society");
        checkAccessibility(page);
        screenshot(page, "meeting-speakers-list");

        // the list of meetings and the scheduling form, sent empty: errors next to the fields
        page.navigate("/meetings?process=" + process);
        assertThat(page.locator("article.meeting-card")).hasCount(1);
        checkAccessibility(page);
        screenshot(page, "meeting-list");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule a meeting")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the meeting")).click();
        assertThat(page.locator("#meeting-slug-error")).isVisible();
        assertThat(page.locator("#meeting-title")).hasAttribute("aria-invalid", "true");
        checkAccessibility(page);
        screenshot(page, "meeting-form-errors");
    }
}
