package org.polylogue.position;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The ledger story in a real browser: the secretariat creates the named proposal "programme of
 * action", records a member state's stance with its comment as evidence (after a first try without
 * evidence), the matrix shows the stance with a link to the comment, and filtering by stakeholder
 * group leaves out a company whose stance the company recorded itself. Every page is checked with
 * axe-core and photographed.
 */
@PolylogueTest
class SecretariatRecordsAStanceWithEvidenceTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    String process;
    String secretariat;
    String state;
    String comment;
    String stateName;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        process = fixtures.process(admin);
        var consultation = fixtures.openConsultation(admin, process);
        String slug = consultation.get("slug").asString();
        secretariat = fixtures.person("Secretariat Member");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariat, "role", "SECRETARIAT"), admin);
        String stateToken = api.token(fixtures.person("Ambassador Kamau"), TestApi.PASSWORD);
        stateName = "Ministry of Foreign Affairs of Kenya " + suffix;
        state = fixtures.organization(stateToken, stateName, "MEMBER_STATE", "KE");
        fixtures.verifyOrganization(admin, state);
        var commented = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body",
                "We support a programme of action anchored in capacity-building.", "organizationId", state), stateToken);
        comment = commented.json().get("id").asString();
        String companyToken = api.token(fixtures.person("Jonas Weber"), TestApi.PASSWORD);
        String company = fixtures.organization(companyToken, "Northlight Cloud " + suffix, "PRIVATE_SECTOR", "IE");
        var consultationItem = Map.of("kind", "consultation", "id", slug);
        api.post("/api/v1/positions", Map.of("actor", Map.of("organizationId", company), "item", consultationItem,
                "position", "OPPOSES", "summary", "Prefers a light dialogue.", "evidence", List.of(Map.of("kind",
                        "link", "url", "https://example.org/northlight"))), companyToken);
    }

    @Test
    void theSecretariatRecordsAStanceAndTheMatrixLinksItsEvidence() {
        try (BrowserContext context = browser.newContext(api.base())) {
            Page page = signIn(context, secretariat);
            page.navigate("/processes/" + process + "/proposals");
            page.getByLabel("Name").fill("Programme of action");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the proposal")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Programme of action");
            checkAccessibility(page);
            screenshot(page, "positions-proposals");

            page.navigate("/processes/" + process + "/positions/new");
            page.getByLabel("Find an organisation by name").fill("Kenya");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
            page.getByLabel("Whose stance").selectOption(state);
            page.getByLabel("On what").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Proposal: Programme of action"));
            page.getByLabel("Position").selectOption("SUPPORTS");
            page.getByLabel("Summary", new Page.GetByLabelOptions().setExact(true))
                    .fill("Supports a programme of action anchored in capacity-building.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the stance")).click();
            assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
            assertThat(page.locator("#record-evidence0Ref-error")).containsText("at least one");
            assertThat(page.getByLabel("Summary", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("Supports a programme of action anchored in capacity-building.");
            checkAccessibility(page);
            screenshot(page, "positions-record-error");

            page.getByLabel("Evidence 1: kind").selectOption("comment");
            page.getByLabel("Evidence 1: id or address").fill(comment);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the stance")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("The stance is recorded");
            var table = page.getByRole(AriaRole.TABLE);
            assertThat(table).containsText(stateName);
            var cell = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Supports (evidence: Comment"));
            assertThat(cell).hasAttribute("href", java.util.regex.Pattern.compile("/comments/" + comment + "$"));
            assertThat(table).containsText("Opposes");
            checkAccessibility(page);
            checkUniqueIds(page);
            screenshot(page, "positions-matrix");

            page.getByLabel("Stakeholder group").selectOption("MEMBER_STATE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(page.getByRole(AriaRole.TABLE)).containsText(stateName);
            assertThat(page.getByRole(AriaRole.TABLE)).not().containsText("Northlight");
            assertThat(page.getByRole(AriaRole.TABLE)).containsText("Member state");
            checkAccessibility(page);
            screenshot(page, "positions-matrix-member-states");

            cell.click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/comments/" + comment));

            page.navigate("/organizations/" + state + "/positions");
            assertThat(page.getByText("recorded by the secretariat")).isVisible();
            checkAccessibility(page);
            screenshot(page, "positions-organization");

            page.navigate("/processes/" + process + "/positions/changes");
            assertThat(page.locator("main")).containsText("First stance on this item");
            checkAccessibility(page);
            screenshot(page, "positions-changes");
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
