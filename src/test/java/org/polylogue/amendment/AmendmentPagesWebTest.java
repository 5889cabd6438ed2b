package org.polylogue.amendment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import tools.jackson.databind.JsonNode;

/** Amendment pages: forms that say what to fix and keep what was typed, refusals, counts, and inert user text. */
@PolylogueTest
class AmendmentPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    JsonNode consultation;
    String proposerEmail;
    String proposerToken;
    String secretariatEmail;
    String secretariatToken;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        consultation = fixtures.openConsultation(admin, process);
        proposerEmail = fixtures.person("Awa Ndiaye");
        proposerToken = api.token(proposerEmail, TestApi.PASSWORD);
        secretariatEmail = fixtures.person("Secretariat Officer");
        secretariatToken = api.token(secretariatEmail, TestApi.PASSWORD);
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
    }

    @Test
    void aProposalWithoutRationaleComesBackWithTheMessageAndTheTextTyped() {
        var browser = new TestBrowser(port);
        browser.signIn(proposerEmail, TestApi.PASSWORD);
        assertThat(browser.get(base()).body()).contains("Propose the amendment");
        var refused = browser.post(base(), Map.of("paragraphId", paragraphId(0), "kind", "REPLACE", "text",
                "States recall the agreed framework.", "rationale", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Error: Amendments", "The rationale is required", "amendment-rationale-error",
                "States recall the agreed framework.");
        long before = jdbc.queryForObject("select count(*) from amendment", Long.class);
        var done = browser.post(base(), Map.of("paragraphId", paragraphId(0), "kind", "REPLACE", "text",
                "States recall the agreed framework.", "rationale", "Clearer."));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).contains(base() + "/");
        assertThat(jdbc.queryForObject("select count(*) from amendment", Long.class)).isEqualTo(before + 1);
        var page = browser.get(done.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.body()).contains("<ins>", "agreed", "Clearer.", "Supporting organisations: 0");
        assertThat(new TestBrowser(port).get("/consultations/" + slug()).body()).contains("1 amendment",
                "/amendments?paragraphId=" + paragraphId(0));
    }

    @Test
    void aDispositionOrPublicationByAnotherPersonIsRefusedAndNothingIsStored() {
        String id = propose("A text", "Because").get("id").asString();
        var browser = new TestBrowser(port);
        browser.signIn(proposerEmail, TestApi.PASSWORD);
        browser.get(base() + "/" + id);
        assertThat(browser.post(base() + "/" + id + "/disposition", Map.of("decision", "ACCEPTED")).status())
                .isEqualTo(403);
        assertThat(browser.post("/consultations/" + slug() + "/dispositions/publication", Map.of()).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from amendment_disposition where input_id = ?", Long.class, id))
                .isZero();
        var secretariat = new TestBrowser(port);
        secretariat.signIn(secretariatEmail, TestApi.PASSWORD);
        secretariat.get(base() + "/" + id);
        var noReason = secretariat.post(base() + "/" + id + "/disposition", Map.of("decision", "REJECTED"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("The reason is required", "dispose-reason-error");
    }

    @Test
    void everyUserTextIsShownAsInertText() throws Exception {
        var payloads = XssCorpusWebTest.corpus();
        String commenter = fixtures.person("Commenter");
        String commenterToken = api.token(commenter, TestApi.PASSWORD);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String id = propose(payload, payload).get("id").asString();
            ids.add(id);
            var disposed = api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "REJECTED",
                    "reason", payload), secretariatToken);
            assertThat(disposed.status()).as(disposed.body()).isEqualTo(200);
            if (i % 5 == 0) {
                String comment = fixtures.comment(commenterToken, slug(), paragraphId(1), "Comment " + i);
                assertThat(api.post("/api/v1/consultations/" + slug() + "/comments/" + comment + "/response",
                        Map.of("response", "NOT_TAKEN", "reason", payload), secretariatToken).status()).isEqualTo(200);
            }
        }
        var secretariat = new TestBrowser(port);
        secretariat.signIn(secretariatEmail, TestApi.PASSWORD);
        var draftShown = new TreeSet<String>();
        XssCorpusWebTest.assertInert("trail (secretariat)", secretariat.get("/consultations/" + slug() + "/trail").body(),
                draftShown);
        assertThat(api.post("/api/v1/consultations/" + slug() + "/dispositions/publication", Map.of(), secretariatToken)
                .status()).isEqualTo(200);

        var shown = new TreeSet<String>();
        var visitor = new TestBrowser(port);
        List<String> pages = new ArrayList<>(List.of(base(), base() + "?page=1", base() + "?page=2",
                "/consultations/" + slug() + "/trail", "/consultations/" + slug()));
        ids.forEach(id -> pages.add(base() + "/" + id));
        for (String path : pages) {
            var page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            XssCorpusWebTest.assertInert(path, page.body(), shown);
        }
        var proposer = new TestBrowser(port);
        proposer.signIn(proposerEmail, TestApi.PASSWORD);
        XssCorpusWebTest.assertInert("/me/amendments", proposer.get("/me/amendments").body(), shown);
        XssCorpusWebTest.assertInert("amendment (secretariat)", secretariat.get(base() + "/" + ids.get(3)).body(), shown);
        var commenterBrowser = new TestBrowser(port);
        commenterBrowser.signIn(commenter, TestApi.PASSWORD);
        XssCorpusWebTest.assertInert("/me/amendments (commenter)", commenterBrowser.get("/me/amendments").body(), shown);
        assertThat(shown).as("the payloads were really shown").hasSizeGreaterThanOrEqualTo(45);
    }

    private JsonNode propose(String text, String rationale) {
        var response = api.post("/api/v1/consultations/" + slug() + "/amendments", Map.of("paragraphId",
                paragraphId(2), "kind", "REPLACE", "text", text, "rationale", rationale), proposerToken);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void theCountOfAmendmentsPerParagraphLeavesOutHiddenOnes() {
        String first = proposeByApi(paragraphId(1), "States recall the agreed framework.");
        String second = proposeByApi(paragraphId(1), "Spam spam spam.");
        proposeByApi(paragraphId(2), "Another paragraph's amendment.");
        assertThat(amendmentCount(1)).isEqualTo("2 amendments");
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules", Map.of("title", "No advertising",
                "description", "Advertising is removed."), secretariatToken);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        hide(second, rule.json().get("id").asString());
        assertThat(amendmentCount(1)).as("the hidden amendment is not counted").isEqualTo("1 amendment");
        assertThat(amendmentCount(2)).isEqualTo("1 amendment");
        hide(first, rule.json().get("id").asString());
        assertThat(new TestBrowser(port).get("/consultations/" + slug()).body())
                .as("no count at all once every amendment of the paragraph is hidden")
                .doesNotContain("/amendments?paragraphId=" + paragraphId(1) + "\"");
    }

    private String proposeByApi(String paragraph, String text) {
        var proposed = api.post("/api/v1/consultations/" + slug() + "/amendments", new java.util.HashMap<>(Map.of(
                "paragraphId", paragraph, "kind", "REPLACE", "text", text, "rationale", "Clearer.")), proposerToken);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    private void hide(String amendment, String rule) {
        var hidden = api.post("/api/v1/moderation/amendment/" + amendment + "/hide", Map.of("ruleId", rule, "reason",
                "Advertising."), secretariatToken);
        assertThat(hidden.status()).as(hidden.body()).isIn(200, 201);
    }

    /** The "N amendments" link text next to the paragraph at {@code index} on the consultation page. */
    private String amendmentCount(int index) {
        String html = new TestBrowser(port).get("/consultations/" + slug()).body();
        var matcher = java.util.regex.Pattern.compile("/amendments\\?paragraphId=" + java.util.regex.Pattern.quote(
                paragraphId(index)) + "\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as("a count for paragraph " + index).isTrue();
        return matcher.group(1);
    }

    private String base() {
        return "/consultations/" + slug() + "/amendments";
    }

    private String slug() {
        return consultation.get("slug").asString();
    }

    private String paragraphId(int index) {
        return consultation.get("document").get("paragraphs").get(index).get("id").asString();
    }
}
