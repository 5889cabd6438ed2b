package org.polylogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.search.internal.SearchIndex;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

/**
 * Search through the API and the page against the whole application: content is findable within a
 * second of being published, hidden content disappears and comes back, drafts are found only by
 * their lead's representatives, an event missed while the index was down is delivered again, and
 * no query gives a server error. Each test uses a made-up word so that it finds only its own items
 * (the index outlives the database cleaning between test classes).
 */
@PolylogueTest
class SearchWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    @Autowired
    IncompleteEventPublications incomplete;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    String slug;
    String authorEmail;
    String author;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        slug = fixtures.openConsultation(admin, process).get("slug").asString();
        authorEmail = fixtures.person("Search Author");
        author = api.token(authorEmail, TestApi.PASSWORD);
    }

    static String word() {
        var letters = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    JsonNode search(String query, String token) {
        var response = api.get("/api/v1/search?size=100&sort=date&q=" + encode(query), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    List<String> ids(String query, String token) {
        List<String> ids = new ArrayList<>();
        search(query, token).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Waits until the query finds the item (or does not), failing after {@code millis}. */
    long awaitFound(String query, String id, String token, boolean found, long millis) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            if (ids(query, token).contains(id) == found) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            if (System.nanoTime() - started > millis * 1_000_000) {
                throw new AssertionError((found ? "Not found" : "Still found") + " after " + millis + " ms: " + query);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aPublishedCommentIsFoundWithinASecondInItsLanguageAndLinksToTheComment() throws Exception {
        String word = word();
        String id = fixtures.comment(author, slug, null,
                "Государства обязуются защищать критическую инфраструктуру " + word + ".");
        awaitFound("критическая инфраструктура " + word, id, null, true, 1_000);
        var item = search(word, null).get("items").get(0);
        assertThat(item.get("language").asString()).isEqualTo("ru");
        assertThat(item.get("kind").asString()).isEqualTo("comment");
        assertThat(item.get("url").asString()).isEqualTo("/consultations/" + slug + "/comments/" + id);
        assertThat(item.get("snippet").asString()).contains("<mark>" + word + "</mark>");
        assertThat(item.get("publishedAt").asString()).isNotBlank();
        assertThat(api.get(item.get("url").asString()).status()).isEqualTo(200);

        // an edit is found with its new words, no longer with the old ones
        String other = word();
        var edited = api.send("PATCH", "/api/v1/consultations/" + slug + "/comments/" + id,
                TestApi.json(Map.of("body", "Les États protègent les infrastructures " + other)), author,
                "application/json", Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        awaitFound(other, id, null, true, 1_000);
        awaitFound(word, id, null, false, 1_000);
    }

    @Test
    void aProcessCreatedAfterTheTitlesWereKeptIsNamedInTheFacets() throws Exception {
        String word = word();
        String first = fixtures.comment(author, slug, null, "The critical infrastructure must be protected " + word);
        awaitFound(word, first, null, true, 2_000);
        assertThat(search(word, null).get("facets").get("process").get(0).get("label").asString())
                .isEqualTo("Working group");

        // the titles are kept now; a newer process must still show its title, not its id
        String newer = fixtures.openConsultation(admin, fixtures.process(admin)).get("slug").asString();
        String second = fixtures.comment(author, newer, null, "The critical infrastructure must be protected " + word);
        awaitFound(word, second, null, true, 2_000);
        var processes = search(word, null).get("facets").get("process");
        assertThat(processes).hasSize(2);
        processes.forEach(v -> assertThat(v.get("label").asString()).isEqualTo("Working group"));
    }

    @Test
    void facetsFiltersSortAndPaging() throws Exception {
        String word = word();
        String en = fixtures.comment(author, slug, null, "The critical infrastructure must be protected " + word);
        String fr = fixtures.comment(author, slug, null, "Les infrastructures critiques doivent être protégées " + word);
        String es = fixtures.comment(author, slug, null, "Las infraestructuras críticas deben ser protegidas " + word);
        awaitFound(word, es, null, true, 2_000);
        awaitFound(word, en, null, true, 2_000);
        awaitFound(word, fr, null, true, 2_000);

        var all = search(word, null);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        var languages = new HashSet<String>();
        all.get("facets").get("language").forEach(v -> languages.add(v.get("value").asString()));
        assertThat(languages).containsExactlyInAnyOrder("en", "fr", "es");
        assertThat(all.get("facets").get("kind").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(all.get("facets").get("kind").get(0).get("label").asString()).isEqualTo("Comments");
        assertThat(all.get("facets").get("year")).hasSize(1);
        // a few results are counted exactly; exact=true is accepted (it matters beyond 5,000 results)
        assertThat(all.get("estimated").asBoolean()).isFalse();
        var exact = api.get("/api/v1/search?exact=true&q=" + word);
        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.json().get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/search?exact=perhaps&q=" + word).status()).isEqualTo(400);

        var french = api.get("/api/v1/search?q=" + word + "&language=fr").json();
        assertThat(french.get("total").asLong()).isEqualTo(1);
        assertThat(french.get("items").get(0).get("id").asString()).isEqualTo(fr);
        var processId = all.get("facets").get("process").get(0).get("value").asString();
        assertThat(api.get("/api/v1/search?q=" + word + "&process=" + processId).json().get("total").asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/search?q=" + word + "&process=nothing").json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/search?q=" + word + "&from=2000-01-01&to=2000-12-31").json().get("total")
                .asLong()).isZero();

        var byDate = api.get("/api/v1/search?q=" + word + "&sort=date").json().get("items");
        assertThat(byDate.get(0).get("id").asString()).isEqualTo(es);

        var first = api.get("/api/v1/search?q=" + word + "&size=2").json();
        assertThat(first.get("items")).hasSize(2);
        var second = api.get("/api/v1/search?q=" + word + "&size=2&page=1").json();
        assertThat(second.get("items")).hasSize(1);
        var pastTheEnd = api.get("/api/v1/search?q=" + word + "&size=2&page=50");
        assertThat(pastTheEnd.status()).isEqualTo(200);
        assertThat(pastTheEnd.json().get("items")).isEmpty();
        assertThat(pastTheEnd.json().get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/search?q=" + word + "&page=100000").json().get("items")).isEmpty();

        // the page: results, facets as links, a link to the exact comment
        var page = api.get("/search?q=" + word);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("3 results").contains("/consultations/" + slug + "/comments/" + fr)
                .contains("href=\"/search?q=" + word + "&amp;language=fr\"").contains("French <span class=\"count\">(1)</span>");
        var filtered = api.get("/search?q=" + word + "&language=fr");
        assertThat(filtered.body()).contains("1 result").contains("Any language");
    }

    @Test
    void badQueriesGiveResultsOrAClearMessageNeverAServerError() {
        for (String query : List.of("\"unbalanced", "*", "(((", "a AND (", "\u0000\u0007\u001b[31m", "x".repeat(10_000),
                "word ".repeat(2_000), "title:foo", "[1 TO 2]", "\\", "~", "%", "\uD800")) {
            var response = api.get("/api/v1/search?q=" + encode(query));
            assertThat(response.status()).as(query).isEqualTo(200);
            var page = api.get("/search?q=" + encode(query));
            assertThat(page.status()).as(query).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/search?q=" + encode("x ".repeat(100))).json().get("notice").asString())
                .contains("first 32 words");
        assertProblem(api.get("/api/v1/search?q=a&from=yesterday"), 400, "invalid-input", "from");
        assertProblem(api.get("/api/v1/search?q=a&size=1000"), 400, "invalid-input", "size");
        assertProblem(api.get("/api/v1/search?q=a&page=-1"), 400, "invalid-input", "page");
        assertProblem(api.get("/api/v1/search?q=a&page=two"), 400, "invalid-input", "page");
        assertProblem(api.get("/api/v1/search?q=a&sort=random"), 400, "invalid-input", "sort");
        assertProblem(api.get("/api/v1/search?q=a&from=2026-02-01&to=2026-01-01"), 400, "invalid-input", "to");
        var page = api.get("/search?q=a&from=yesterday");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"from-error\"").contains("YYYY-MM-DD");
    }

    @Test
    void aHiddenCommentIsNotFoundAndIsFoundAgainWhenRestored() throws Exception {
        String word = word();
        String id = fixtures.comment(author, slug, null, "Everyone here is a fool " + word);
        awaitFound(word, id, null, true, 1_000);
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "Be civil", "description", "No insults against people."), admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/moderation/comment/" + id + "/hide",
                Map.of("ruleId", rule.json().get("id").asString(), "reason", "Insults people."), admin);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
        awaitFound(word, id, null, false, 1_000);
        assertThat(ids(word, author)).doesNotContain(id);
        assertThat(api.get("/search?q=" + word).body()).doesNotContain("fool");

        assertThat(api.post("/api/v1/moderation/comment/" + id + "/review-request",
                Map.of("statement", "It was about the draft."), author).status()).isEqualTo(201);
        var restored = api.post("/api/v1/moderation/comment/" + id + "/review",
                Map.of("decision", "RESTORE", "reason", "Harsh but about the draft."), admin);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        awaitFound(word, id, null, true, 1_000);
    }

    @Test
    void aDraftStatementIsFoundOnlyByItsLeadsRepresentativesUntilSigningOpens() throws Exception {
        String word = word();
        String leadToken = api.registerAndSignIn("Lead Representative");
        String lead = fixtures.organization(leadToken, "Search Lead Org " + word, "CIVIL_SOCIETY", "SN");
        fixtures.verifyOrganization(admin, lead);
        String outsider = api.registerAndSignIn("Curious Outsider");
        var drafted = api.post("/api/v1/statements", Map.of("title", "Protect hospitals " + word, "body",
                "We call on all states to protect hospitals " + word + ".", "organizationId", lead), leadToken);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        awaitFound(word, id, leadToken, true, 1_000);
        assertThat(ids(word, null)).doesNotContain(id);
        assertThat(ids(word, outsider)).doesNotContain(id);
        assertThat(ids(word, admin)).contains(id);
        assertThat(api.get("/search?q=" + word).body()).doesNotContain("Protect hospitals");

        assertThat(api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken).status()).isEqualTo(200);
        awaitFound(word, id, null, true, 1_000);
        assertThat(ids(word, outsider)).contains(id);
        var item = search(word, null).get("items").get(0);
        assertThat(item.get("kind").asString()).isEqualTo("statement");
        assertThat(item.get("url").asString()).isEqualTo("/statements/" + id);
        var facets = search(word, null).get("facets");
        assertThat(facets.get("organization").get(0).get("label").asString()).isEqualTo("Search Lead Org " + word);
        assertThat(facets.get("group").get(0).get("value").asString()).isEqualTo("CIVIL_SOCIETY");
    }

    @Test
    void anEventMissedWhileTheIndexWasDownIsDeliveredAgainAndIndexed() throws Exception {
        String word = word();
        index.close();
        String id;
        try {
            id = fixtures.comment(author, slug, null, "Submitted while the index was down " + word);
            Thread.sleep(300);
        } finally {
            index.open();
        }
        // the listener failed: the publication stays incomplete, as it would across a crash
        assertThat(ids(word, null)).doesNotContain(id);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof SearchableChanged
                changed && changed.id().equals(id));
        awaitFound(word, id, null, true, 2_000);
    }

    @Test
    void onlyAdministratorsRebuildTheIndexAndSearchesGoOnMeanwhile() throws Exception {
        String word = word();
        String id = fixtures.comment(author, slug, null, "Rebuilt and still found " + word);
        awaitFound(word, id, null, true, 1_000);
        assertProblem(api.post("/api/v1/admin/search/reindex", Map.of(), author), 403, "not-administrator", null);
        assertThat(api.post("/api/v1/admin/search/reindex", Map.of(), null).status()).isEqualTo(401);
        assertProblem(api.get("/api/v1/admin/search/reindex", author), 403, "not-administrator", null);
        var started = api.post("/api/v1/admin/search/reindex", Map.of(), admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode status;
        do {
            assertThat(ids(word, null)).contains(id);
            Thread.sleep(50);
            status = api.get("/api/v1/admin/search/reindex", admin).json();
        } while (status.get("running").asBoolean() && System.currentTimeMillis() < deadline);
        assertThat(status.get("running").asBoolean()).isFalse();
        assertThat(status.get("error").isNull()).as(status.toString()).isTrue();
        assertThat(status.get("documents").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ids(word, null)).contains(id);
    }

    @Test
    void commentTextIsShownInertInResults() throws Exception {
        String word = word();
        List<String> payloads = XssCorpusWebTest.corpus();
        String last = null;
        for (String payload : payloads) {
            last = fixtures.comment(author, slug, null, word + " " + payload);
        }
        awaitFound(word, last, null, true, 5_000);
        var shown = new HashSet<String>();
        for (int page = 0; page * 20 < payloads.size(); page++) {
            String path = "/search?q=" + word + "&page=" + page;
            var response = api.get(path);
            assertThat(response.status()).isEqualTo(200);
            XssCorpusWebTest.assertInert(path, response.body(), shown);
        }
        var json = api.get("/api/v1/search?q=" + word + "&size=100");
        assertThat(json.contentType()).startsWith("application/json");
        json.json().get("items").forEach(item -> assertThat(item.get("snippet").asString()).doesNotContain("<script",
                "<img", "<svg", "<iframe"));
    }
}
