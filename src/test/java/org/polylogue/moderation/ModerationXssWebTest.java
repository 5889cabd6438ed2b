package org.polylogue.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every payload of the XSS corpus as a rule, a report reason, a hiding reason and a review statement. */
@PolylogueTest
class ModerationXssWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void rulesReasonsReportsAndStatementsAreShownAsInertText() throws IOException {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String slug = fixtures.openConsultation(admin, process).get("slug").asString();
        String authorEmail = fixtures.person("Xss Author");
        String author = api.token(authorEmail, TestApi.PASSWORD);
        String reporter = api.token(fixtures.person("Xss Reporter"), TestApi.PASSWORD);
        List<String> payloads = XssCorpusWebTest.corpus();
        List<String> reported = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                    Map.of("title", payload, "description", payload), admin);
            assertThat(rule.status()).as(rule.body()).isEqualTo(201);
            String open = fixtures.comment(author, slug, null, "Reported comment " + i);
            assertThat(api.post("/api/v1/reports", Map.of("kind", "comment", "id", open, "reason", payload), reporter)
                    .status()).isEqualTo(201);
            reported.add(open);
            String hide = fixtures.comment(author, slug, null, "Hidden comment " + i);
            var hiding = api.post("/api/v1/moderation/comment/" + hide + "/hide",
                    Map.of("ruleId", rule.json().get("id").asString(), "reason", payload), admin);
            assertThat(hiding.status()).as(hiding.body()).isEqualTo(201);
            assertThat(api.post("/api/v1/moderation/comment/" + hide + "/review-request",
                    Map.of("statement", payload), author).status()).isEqualTo(201);
            hidden.add(hide);
        }
        var adminBrowser = new TestBrowser(port);
        adminBrowser.signIn("admin@example.org", "administrator password");
        var authorBrowser = new TestBrowser(port);
        authorBrowser.signIn(authorEmail, TestApi.PASSWORD);
        var visitor = new TestBrowser(port);
        Set<String> shown = new TreeSet<>();
        check(visitor, "/processes/" + process + "/moderation", shown);
        check(visitor, "/consultations/" + slug, shown);
        check(visitor, "/consultations/" + slug + "/document-comments", shown);
        check(visitor, "/consultations/" + slug + "/comments/" + hidden.get(3), shown);
        check(adminBrowser, "/processes/" + process + "/moderation", shown);
        check(adminBrowser, "/processes/" + process + "/moderation/queue", shown);
        check(authorBrowser, "/me/contributions", shown);
        check(authorBrowser, "/me/contributions?page=1", shown);
        check(authorBrowser, "/moderation/comment/" + hidden.get(5) + "/review-request", shown);
        check(authorBrowser, "/report?kind=comment&id=" + reported.get(5), shown);
        Set<String> expected = new TreeSet<>();
        var marker = java.util.regex.Pattern.compile("xss-(\\d\\d)");
        payloads.forEach(p -> {
            var m = marker.matcher(p);
            while (m.find()) {
                expected.add(m.group(1));
            }
        });
        assertThat(shown).as("every payload shown as text somewhere").containsAll(expected);
    }

    private static void check(TestBrowser browser, String path, Set<String> shown) {
        var page = browser.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        XssCorpusWebTest.assertInert(path, page.body(), shown);
    }
}
