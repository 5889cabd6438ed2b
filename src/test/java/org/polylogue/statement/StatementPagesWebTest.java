package org.polylogue.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The statement pages without JavaScript: forms keep what was typed, refusals, exports, and hostile text. */
@PolylogueTest
class StatementPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String leadEmail;
    String leadToken;
    String lead;
    String academiaEmail;
    String academiaToken;
    String academia;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        leadEmail = fixtures.person("Awa Ndiaye");
        leadToken = api.token(leadEmail, TestApi.PASSWORD);
        lead = fixtures.organization(leadToken, "Digital Rights Collective " + Math.random(), "CIVIL_SOCIETY", "SN");
        fixtures.verifyOrganization(admin, lead);
        academiaEmail = fixtures.person("Prof. Tanaka");
        academiaToken = api.token(academiaEmail, TestApi.PASSWORD);
        academia = fixtures.organization(academiaToken, "Institute of Cyber Law " + Math.random(), "ACADEMIA", "JP");
        fixtures.verifyOrganization(admin, academia);
    }

    @Test
    void aRepresentativeDraftsInvitesOpensAndSignatoriesSignThroughTheForms() {
        var browser = signedIn(leadEmail);
        var form = browser.get("/statements/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Lead organisation");

        var refused = browser.post("/statements", Map.of("title", "", "body", "Our *text*", "organizationId", lead));
        assertThat(refused.status()).isEqualTo(422);
        var document = Jsoup.parse(refused.body());
        assertThat(document.title()).startsWith("Error:");
        assertThat(document.getElementById("statement-title-error")).isNotNull();
        assertThat(document.getElementById("statement-title").attr("aria-describedby")).contains("statement-title-error");
        assertThat(document.getElementById("statement-body").text()).isEqualTo("Our *text*");

        var created = browser.post("/statements", Map.of("title", "Protect CERTs", "body", "Our *text*",
                "organizationId", lead));
        assertThat(created.status()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        String id = path.substring("/statements/".length());
        var page = browser.get(path);
        assertThat(page.body()).contains("<em>text</em>").contains("This statement is a draft").contains("Open signing");
        assertThat(new TestBrowser(port).get(path).status()).isEqualTo(404);

        // the join link shows the draft to whoever has it
        String joinLink = Jsoup.parse(page.body()).getElementById("join-link").attr("value");
        assertThat(joinLink).startsWith("http");
        String joinPath = joinLink.replaceFirst("^https?://[^/]+", "");
        assertThat(new TestBrowser(port).get(joinPath).status()).isEqualTo(200);
        assertThat(new TestBrowser(port).get("/statements/" + id + "/join?token=wrong").status()).isEqualTo(404);

        var search = browser.get(path + "?q=cyber+law");
        assertThat(search.body()).contains("Invite Institute of Cyber Law");
        assertThat(browser.post(path + "/invitations", Map.of("organizationId", academia)).status()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("Not signed yet");

        var badDate = browser.post(path + "/signing", Map.of("closesOn", "someday"));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(Jsoup.parse(badDate.body()).getElementById("open-closes-error")).isNotNull();
        assertThat(browser.post(path + "/signing", Map.of("closesOn", "")).status()).isEqualTo(302);
        assertThat(browser.post(path + "/edit", Map.of("title", "Changed", "body", "Changed")).status()).isEqualTo(409);

        var signatory = signedIn(academiaEmail);
        assertThat(signatory.get(path).body()).contains("Sign this statement");
        assertThat(signatory.post(path + "/signatures", Map.of("organizationId", academia)).status()).isEqualTo(302);
        var twice = signatory.post(path + "/signatures", Map.of("organizationId", academia));
        assertThat(twice.status()).isEqualTo(409);
        var signedPage = Jsoup.parse(new TestBrowser(port).get(path).body());
        assertThat(signedPage.getElementById("signatories").text()).isEqualTo("Signatories: 2");
        assertThat(signedPage.text()).contains("Civil society (1)").contains("Academia (1)")
                .contains("African Group").contains("Asia-Pacific Group");

        assertThat(signatory.post(path + "/signatures/" + academia + "/withdraw", Map.of()).status()).isEqualTo(302);
        var withdrawnPage = Jsoup.parse(new TestBrowser(port).get(path).body());
        assertThat(withdrawnPage.getElementById("signatories").text()).isEqualTo("Signatories: 1");
        assertThat(withdrawnPage.getElementById("withdrawn").text()).isEqualTo("Withdrawn signatures (1)");

        assertThat(signatory.post(path + "/signing/close", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post(path + "/signing/close", Map.of()).status()).isEqualTo(302);
        assertThat(signatory.post(path + "/signatures", Map.of("organizationId", academia)).status()).isEqualTo(409);
        assertThat(new TestBrowser(port).get(path).body()).contains("Signing closed");

        var csv = new TestBrowser(port).get(path + "/signatories.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("organization_id,name,stakeholder_group,country,regional_group,signed_at,"
                + "withdrawn_at\r\n").contains(academia + ",").contains(lead + ",");
        var json = new TestBrowser(port).get(path + "/signatories.json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.body()).contains("\"withdrawnAt\"");
        assertThat(new TestBrowser(port).get("/statements").body()).contains("Protect CERTs");
    }

    @Test
    void anUnverifiedOrganisationIsToldItCannotSignAndAForeignOneIsRefused() {
        String id = api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead), leadToken)
                .json().get("id").asString();
        api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken);
        String email = fixtures.person("Company Lawyer");
        String company = fixtures.organization(api.token(email, TestApi.PASSWORD), "Cloud Ltd " + Math.random(),
                "PRIVATE_SECTOR", "DE");
        var browser = signedIn(email);
        assertThat(browser.get("/statements/" + id).body()).contains("is not verified yet, so it cannot sign");
        long before = jdbc.queryForObject("select count(*) from statement_signature", Long.class);
        assertThat(browser.post("/statements/" + id + "/signatures", Map.of("organizationId", company)).status())
                .isEqualTo(403);
        assertThat(browser.post("/statements/" + id + "/signatures", Map.of("organizationId", academia)).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from statement_signature", Long.class)).isEqualTo(before);
    }

    @Test
    void hostileTitlesAndBodiesAreShownAsInertTextOnEveryPage() throws Exception {
        var shown = new TreeSet<String>();
        var leadBrowser = signedIn(leadEmail);
        var payloads = XssCorpusWebTest.corpus();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            var drafted = api.post("/api/v1/statements", Map.of("title", payload.length() > 300 ? payload.substring(0,
                    300) : payload, "body", payload, "organizationId", lead), leadToken);
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            String id = drafted.json().get("id").asString();
            for (String path : new String[] {"/statements/" + id, "/statements/" + id + "/edit", "/statements"}) {
                var page = leadBrowser.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                XssCorpusWebTest.assertInert(path, page.body(), shown);
            }
            api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken);
            var page = new TestBrowser(port).get("/statements/" + id);
            XssCorpusWebTest.assertInert("/statements/" + id, page.body(), shown);
        }
        var list = new TestBrowser(port).get("/statements?page=0");
        XssCorpusWebTest.assertInert("/statements", list.body(), shown);
        assertThat(shown).as("the payloads were really shown").hasSizeGreaterThanOrEqualTo(45);
    }

    private TestBrowser signedIn(String email) {
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        return browser;
    }
}
