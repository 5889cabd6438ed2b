package org.polylogue.synthesis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Ids;
import org.polylogue.transcript.TranscriptFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor reads a digest built from an amendment with supports from three groups and a
 * roundtable's transcript: the figures name the kinds of inputs, the consensus point says the groups
 * want a change, and a theme's sources lead to the amendment and to the turn in the transcript.
 */
@PolylogueTest
class DigestOfAmendmentsAndTurnsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Synthesis synthesis;

    BrowserContext context;
    String slug;
    String meeting;

    @BeforeEach
    void setUp() {
        var f = new TranscriptFixtures(port, accounts, meetings);
        var api = f.api;
        var consultation = f.fixtures.openConsultation(f.admin, f.process);
        slug = consultation.get("slug").asString();
        meeting = f.meeting;
        String paragraph = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        String[][] orgs = new String[3][];
        String[][] groups = {{"Civil Voice", "CIVIL_SOCIETY"}, {"Cyber Academy", "ACADEMIA"}, {"Cloud Works",
            "PRIVATE_SECTOR"}};
        for (int i = 0; i < groups.length; i++) {
            String token = api.token(f.fixtures.person(groups[i][0]), TestApi.PASSWORD);
            orgs[i] = new String[] {token, f.fixtures.organization(token, groups[i][0] + " " + Ids.next(), groups[i][1],
                "KE")};
        }
        var proposed = api.post("/api/v1/consultations/" + slug + "/amendments", Map.of("paragraphId", paragraph,
                "kind", "REPLACE", "text", "States shall not attack hospitals and shall report on how they protect them.",
                "rationale", "Health care must be named: ransomware on hospitals endangers lives.", "organizationId",
                orgs[0][1]), orgs[0][0]);
        String amendment = proposed.json().get("id").asString();
        for (int i = 1; i < 3; i++) {
            api.post("/api/v1/amendments/" + amendment + "/supports", Map.of("organizationId", orgs[i][1]), orgs[i][0]);
        }
        f.upload(meeting, SynthesisInputsWebTest.TRANSCRIPT, f.secretariat);
        api.post("/api/v1/meetings/" + meeting + "/transcript/speakers", Map.of("label", "CYBER ACADEMY",
                "organizationId", orgs[1][1]), f.secretariat);
        api.post("/api/v1/consultations/" + slug + "/synthesis", Map.of(), f.admin);
        synthesis.runQueuedJobs();
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aVisitorReadsWhereGroupsWantAChangeAndFollowsATurnToTheTranscript() {
        Page page = context.newPage();
        page.navigate("/consultations/" + slug + "/digest");
        assertThat(page.locator(".digest-meta")).containsText("1 amendment and 3 transcript turns");
        assertThat(page.locator(".digest-meta")).containsText("2 amendment supports");
        assertThat(page.locator("#consensus + ul")).containsText("for a change");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "synthesis-digest-amendments-turns");

        page.locator("ol.themes h3 a").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile(
                "Every source")))).isVisible();
        checkAccessibility(page);
        screenshot(page, "synthesis-theme-amendments-turns");
        var turn = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transcript turn")).first();
        if (turn.count() == 0) {
            page.goBack();
            page.locator("ol.themes h3 a").last().click();
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transcript turn")).first().click();
        assertThat(page).hasURL(Pattern.compile("/meetings/" + meeting + "/transcript#turn-\\d+$"));
    }
}
