package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The demo content, seeded once into the emptied test database, read back through the API and facades. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoContentIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        demo.seed();
    }

    @Test
    void oneProcessWithAnOpenAndAClosedConsultation() {
        var processes = api.get("/api/v1/processes").json();
        assertThat(processes.get("total").asLong()).isEqualTo(1);
        var process = processes.get("items").get(0);
        assertThat(process.get("slug").asString()).isEqualTo(DemoContent.PROCESS);
        var statuses = new ArrayList<String>();
        process.get("consultations").forEach(c -> statuses.add(c.get("slug").asString() + "=" + c.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder(DemoContent.OPEN_CONSULTATION + "=OPEN",
                DemoContent.CLOSED_CONSULTATION + "=CLOSED");
    }

    @Test
    void theOpenConsultationHasAboutThirtyParagraphsInSections() {
        var consultation = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION).json();
        var paragraphs = consultation.get("document").get("paragraphs");
        assertThat(paragraphs.size()).isBetween(25, 40);
        Set<String> sections = new HashSet<>();
        paragraphs.forEach(p -> sections.add(p.get("section").asString()));
        assertThat(sections).contains("Introduction", "International law", "Capacity-building").hasSizeGreaterThanOrEqualTo(6);
        assertThat(paragraphs.get(paragraphs.size() - 1).get("number").asInt()).isEqualTo(paragraphs.size());
    }

    @Test
    void twelveOrganisationsCoverEveryStakeholderGroupAndEveryRegionalGroup() {
        assertThat(organizations.count()).isEqualTo(12);
        List<OrganizationView> all = allOrganizations();
        assertThat(all).extracting(OrganizationView::type).containsAll(List.of(StakeholderGroup.values()));
        assertThat(all).extracting(OrganizationView::regionalGroup).contains(RegionalGroup.AFRICAN,
                RegionalGroup.ASIA_PACIFIC, RegionalGroup.EASTERN_EUROPEAN, RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
                RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS).doesNotContain(RegionalGroup.NONE);
        for (var organization : all) {
            assertThat(organizations.members(organization.id())).singleElement()
                    .satisfies(member -> assertThat(member.displayName()).isEqualTo("Representative of " + organization.name()));
        }
    }

    static final long DEMO_COMMENTS = 26 + DemoSynthesis.SIGNERS.length + DemoSynthesis.VARIED.length;

    @Test
    void everyDemoCommentWasAcceptedOnTheOpenConsultation() {
        var comments = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/comments?size=500").json();
        // 25 by representatives, an advert that the moderator hid (DemoModeration), and the inputs received
        // by mail that DemoSynthesis imports (a campaign and varied comments)
        assertThat(comments.get("total").asLong()).isEqualTo(DEMO_COMMENTS);
        int wholeDocument = 0;
        for (JsonNode comment : comments.get("items")) {
            if (comment.has("hidden") || "import".equals(comment.path("source").asString())) {
                continue;
            }
            assertThat(comment.get("organization").get("id").asString()).hasSize(16);
            assertThat(comment.get("author").asString()).startsWith("Representative of ");
            if (comment.get("paragraphId").isNull()) {
                wholeDocument++;
            }
        }
        assertThat(wholeDocument).isEqualTo(2);
        // paragraph 3 of the zero draft (version 1): five representatives, the campaign and varied inputs
        var paragraph3 = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/versions/1").json()
                .get("paragraphs").get(2).get("id").asString();
        assertThat(api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/comments?size=500&paragraphId="
                + paragraph3).json().get("total").asLong()).isEqualTo(5 + DemoSynthesis.SIGNERS.length
                + java.util.Arrays.stream(DemoSynthesis.VARIED).filter(row -> row[3].equals("3")).count());
    }

    @Test
    void theClosedConsultationHasInputsReceivedByMail() {
        var comments = api.get("/api/v1/consultations/" + DemoContent.CLOSED_CONSULTATION + "/comments").json();
        assertThat(comments.get("total").asLong()).isEqualTo(2);
        assertThat(comments.get("items").findValuesAsString("source")).containsOnly("import");
        assertThat(comments.get("items").findValuesAsString("author")).containsExactly("A. Rahman", "M. Okafor");
    }

    @Test
    void demoAccountsSignInWithTheDemoPassword() {
        assertThat(api.token(DemoContent.SECRETARIAT, DemoContent.PASSWORD)).startsWith("plg_");
        assertThat(accounts.findByEmail(DemoContent.SECRETARIAT).orElseThrow().administrator())
                .as("the demo secretariat runs its process but is no platform administrator").isFalse();
        String representative = api.token("representative1@demo.polylogue.localhost", DemoContent.PASSWORD);
        assertThat(api.get("/api/v1/accounts/me", representative).json().get("displayName").asString())
                .isEqualTo("Representative of Ministry of Foreign Affairs of Kenya");
    }

    @Test
    void theDemoProcessHasPublishedRulesAndAModerationLogEntry() {
        var rules = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/moderation-rules").json();
        assertThat(rules.size()).isBetween(3, 4);
        var log = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/moderation-log").json().get("items");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("action").asString()).isEqualTo("HIDDEN");
        assertThat(log.get(0).get("moderator").asString()).isEqualTo("Moderator of the working group");
        var page = new TestBrowser(port).get(log.get(0).get("path").asString());
        assertThat(page.body()).contains("Hidden by the moderators").doesNotContain("ISO 27001");
        assertThat(new TestBrowser(port).get("/processes/" + DemoContent.PROCESS + "/moderation").body())
                .contains("No advertising or spam").contains("An advertisement for certification services");
    }

    @Test
    void theDemoPagesRender() {
        var browser = new TestBrowser(port);
        assertThat(browser.get("/").body()).contains("Zero draft: elements of a permanent mechanism on ICT security")
                .doesNotContain("Initial pre-draft");
        var page = browser.get("/consultations/" + DemoContent.OPEN_CONSULTATION);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(DEMO_COMMENTS + " comments").contains("Draft version 3")
                .contains("Comments on the whole document (3)");
        assertThat(browser.get("/consultations/" + DemoContent.CLOSED_CONSULTATION).body())
                .contains("Comments are no longer accepted");
        assertThat(browser.get("/consultations/" + DemoContent.CLOSED_CONSULTATION + "/document-comments").body())
                .contains("received by mail or on paper");
    }

    private List<OrganizationView> allOrganizations() {
        List<String> ids = jdbc.queryForList("select id from stakeholder_organization", String.class);
        return new ArrayList<>(organizations.find(ids).values());
    }

    @Test
    void aSearchablePdfSubmissionOnTheOpenConsultation() {
        var list = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/submissions").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        var submission = api.get("/api/v1/submissions/" + list.get("items").get(0).get("id").asString()).json();
        assertThat(submission.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(submission.get("organizationName").asString()).isEqualTo(DemoSubmissions.ORGANIZATION);
        assertThat(submission.get("language").asString()).isEqualTo("en");
        assertThat(submission.get("text").asString()).contains("Position paper").contains("thematic");
    }
}
