package org.polylogue.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

@PolylogueTest
class SubmissionPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String slug;
    String email;
    String token;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        slug = fixtures.openConsultation(admin, fixtures.process(admin)).get("slug").asString();
        email = fixtures.person("Page Submitter");
        token = api.token(email, TestApi.PASSWORD);
    }

    @Test
    void theConsultationLinksToTheSubmissionsWhichShowTheirTextInParagraphs() {
        var created = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", token,
                Map.of("title", "Our position", "summary", "In short."), "ours.txt", "text/plain",
                "First paragraph of our position.\n\nSecond paragraph,\nwith a line break."
                        .getBytes(StandardCharsets.UTF_8));
        String id = created.json().get("id").asString();
        var browser = new TestBrowser(port);
        var consultation = browser.get("/consultations/" + slug);
        assertThat(Jsoup.parse(consultation.body()).select("#written-submissions ~ p a").attr("href"))
                .isEqualTo("/consultations/" + slug + "/submissions");

        var list = Jsoup.parse(browser.get("/consultations/" + slug + "/submissions").body());
        assertThat(list.select(".submission-title a").text()).isEqualTo("Our position");
        assertThat(list.select("#upload").text()).contains("Sign in");

        var page = Jsoup.parse(browser.get("/submissions/" + id).body());
        assertThat(page.select("h1").text()).isEqualTo("Our position");
        assertThat(page.select(".extracted-text p")).hasSize(2);
        assertThat(page.select(".extracted-text p").get(1).wholeText()).isEqualTo("Second paragraph,\nwith a line break.");
        assertThat(page.select("dl.facts").text()).contains("Language");
        assertThat(page.select("a[download]").attr("href")).isEqualTo("/submissions/" + id + "/file");
    }

    @Test
    void theFormComesBackWithTitleAndSummaryKeptAndTheErrorAtTheFileField() {
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        browser.get("/consultations/" + slug + "/submissions");
        var page = browser.post("/consultations/" + slug + "/submissions",
                Map.of("title", "Kept title", "summary", "Kept summary"));
        assertThat(page.status()).isEqualTo(422);
        var html = Jsoup.parse(page.body());
        assertThat(html.select("#title").val()).isEqualTo("Kept title");
        assertThat(html.select("#summary").text()).isEqualTo("Kept summary");
        assertThat(html.select("#file").attr("aria-describedby")).contains("file-error");
        assertThat(html.select("#file-error").text()).contains("missing");
        assertThat(api.get("/api/v1/consultations/" + slug + "/submissions").json().get("total").asInt()).isZero();
    }

    @Test
    void anUnconfirmedPersonIsToldToConfirmInsteadOfGettingTheForm() {
        String unconfirmed = fixtures.unconfirmedPerson("Not Yet");
        var browser = new TestBrowser(port);
        browser.signIn(unconfirmed, TestApi.PASSWORD);
        var list = Jsoup.parse(browser.get("/consultations/" + slug + "/submissions").body());
        assertThat(list.select("#upload form")).isEmpty();
        assertThat(list.select("#upload").text()).contains("Confirm your email");
    }

    @Test
    void titleSummaryAndExtractedTextAreShownAsInertText() throws Exception {
        var ids = new java.util.ArrayList<String>();
        for (String payload : XssCorpusWebTest.corpus()) {
            String title = payload.length() > 300 ? payload.substring(0, 300) : payload;
            var created = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", token,
                    Map.of("title", title, "summary", payload), "x.txt", "text/plain",
                    ("Text of the submission.\n\n" + payload + "\n\nEnd.").getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).as(payload + " " + created.body()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        var shown = new TreeSet<String>();
        var browser = new TestBrowser(port);
        String list = "/consultations/" + slug + "/submissions";
        var listPage = browser.get(list);
        assertThat(listPage.status()).isEqualTo(200);
        XssCorpusWebTest.assertInert(list, listPage.body(), shown);
        var fromPages = new TreeSet<String>();
        for (String id : ids) {
            var page = browser.get("/submissions/" + id);
            assertThat(page.status()).isEqualTo(200);
            XssCorpusWebTest.assertInert("/submissions/" + id, page.body(), fromPages);
            String text = Jsoup.parse(page.body()).select(".extracted-text").text();
            assertThat(text).startsWith("Text of the submission.");
        }
        assertThat(shown).as("payloads shown on the list").hasSizeGreaterThanOrEqualTo(45);
        assertThat(fromPages).as("payloads shown on the submission pages").hasSizeGreaterThanOrEqualTo(45);
    }
}
