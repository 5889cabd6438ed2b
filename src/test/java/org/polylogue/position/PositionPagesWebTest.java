package org.polylogue.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.shared.security.XssCorpusWebTest.assertInert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Position ledger pages: the record form's errors and refusals, the changes form, and hostile text kept inert. */
@PolylogueTest
class PositionPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String process;
    String secretariat;
    String secretariatToken;
    String rep;
    String repToken;
    String organization;
    String otherOrganization;
    String proposal;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        process = fixtures.process(admin);
        fixtures.openConsultation(admin, process);
        secretariat = fixtures.person("Secretariat Member");
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariat, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
        secretariatToken = api.token(secretariat, TestApi.PASSWORD);
        rep = fixtures.person("Awa Ndiaye");
        repToken = api.token(rep, TestApi.PASSWORD);
        organization = fixtures.organization(repToken, "Sahel Collective " + suffix, "CIVIL_SOCIETY", "SN");
        otherOrganization = fixtures.organization(api.token(fixtures.person("Jonas Weber"), TestApi.PASSWORD),
                "Rheinland Cloud " + suffix, "PRIVATE_SECTOR", "DE");
        proposal = api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "Programme of action"),
                secretariatToken).json().get("id").asString();
    }

    private long stances() {
        return jdbc.sql("select count(*) from position_stance").query(Long.class).single();
    }

    @Test
    void theRecordFormShowsErrorsNextToFieldsAndKeepsWhatWasTyped() {
        var browser = new TestBrowser(port);
        browser.signIn(rep, TestApi.PASSWORD);
        var form = browser.get("/processes/" + process + "/positions/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Programme of action").contains("Sahel Collective")
                .doesNotContain("Rheinland Cloud");
        long before = stances();
        Map<String, String> fields = new HashMap<>(Map.of("actor", organization, "item", "proposal::" + proposal,
                "position", "SUPPORTS", "summary", "We support it.", "evidence0Kind", "link", "evidence0Ref",
                "javascript:alert(1)"));
        var bad = browser.post("/processes/" + process + "/positions", fields);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"record-evidence0Ref-error\"").contains("must be an https address")
                .contains("aria-describedby=\"record-evidence-hint record-evidence0Ref-error\"")
                .contains("We support it.");
        fields.put("evidence0Ref", "");
        var none = browser.post("/processes/" + process + "/positions", fields);
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("id=\"record-evidence0Ref-error\"").contains("at least one");
        fields.put("actor", otherOrganization);
        fields.put("evidence0Ref", "https://example.org/statement");
        var forbidden = browser.post("/processes/" + process + "/positions", fields);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Only a representative of this organisation");
        assertThat(stances()).isEqualTo(before);

        fields.put("actor", organization);
        var ok = browser.post("/processes/" + process + "/positions", fields);
        assertThat(ok.status()).isEqualTo(302);
        var matrix = browser.get("/processes/" + process + "/positions");
        assertThat(matrix.body()).contains("href=\"https://example.org/statement\"").contains("Supports");
        var filtered = browser.get("/processes/" + process + "/positions?group=PRIVATE_SECTOR");
        assertThat(filtered.body()).doesNotContain("Sahel Collective").contains("No stances recorded");
        var actor = browser.get("/organizations/" + organization + "/positions");
        assertThat(actor.body()).contains("We support it.").contains("by the organisation");
    }

    @Test
    void theChangesFormRefusesDatesItCannotRead() {
        var browser = new TestBrowser(port);
        var page = browser.get("/processes/" + process + "/positions/changes?from=someday&to=2026-11-30");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"changes-from-error\"").contains("value=\"someday\"");
        assertThat(browser.get("/processes/" + process + "/positions/changes").status()).isEqualTo(200);
        assertThat(browser.get("/processes/no-such-process/positions").status()).isEqualTo(404);
    }

    @Test
    void proposalsArePagesOfTheSecretariat() {
        var browser = new TestBrowser(port);
        browser.signIn(rep, TestApi.PASSWORD);
        browser.get("/processes/" + process + "/proposals");
        assertThat(browser.post("/processes/" + process + "/proposals", Map.of("name", "Mine")).status())
                .isEqualTo(403);
        var secretariatBrowser = new TestBrowser(port);
        secretariatBrowser.signIn(secretariat, TestApi.PASSWORD);
        assertThat(secretariatBrowser.get("/processes/" + process + "/proposals").body()).contains("Add a named proposal");
        var duplicate = secretariatBrowser.post("/processes/" + process + "/proposals", Map.of("name",
                "PROGRAMME of action"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("id=\"proposal-name-error\"");
        assertThat(secretariatBrowser.post("/processes/" + process + "/proposals", Map.of("name", "Second")).status())
                .isEqualTo(302);
    }

    @Test
    void hostileSummariesAndProposalNamesAreShownAsText() throws Exception {
        var shown = new TreeSet<String>();
        List<String> corpus = XssCorpusWebTest.corpus();
        for (String payload : corpus) {
            api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", payload, "description", payload),
                    secretariatToken);
            var recorded = api.post("/api/v1/positions", Map.of("actor", Map.of("organizationId", organization), "item",
                    Map.of("kind", "proposal", "id", proposal), "position", "SUPPORTS", "summary", payload, "evidence",
                    List.of(Map.of("kind", "link", "url", "https://example.org/evidence"))), repToken);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        }
        var browser = new TestBrowser(port);
        browser.signIn(secretariat, TestApi.PASSWORD);
        for (String path : List.of("/processes/" + process + "/positions", "/processes/" + process + "/proposals",
                "/processes/" + process + "/positions/changes", "/organizations/" + organization + "/positions",
                "/processes/" + process + "/positions/new")) {
            var page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertInert(path, page.body(), shown);
        }
        assertThat(shown).as("the payloads were really shown").hasSizeGreaterThanOrEqualTo(40);
    }
}
