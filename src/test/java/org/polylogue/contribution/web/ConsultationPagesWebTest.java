package org.polylogue.contribution.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PolylogueTest
class ConsultationPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    JsonNode paragraphs;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        paragraphs = consultation.get("document").get("paragraphs");
    }

    @Test
    void everyParagraphIsShownWithItsNumberUnderItsSection() {
        var page = new TestBrowser(port).get("/consultations/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<h1>Consultation on the draft report</h1>").contains("Open for comments until")
                .contains("Draft version 1").contains("0 comments");
        assertThat(html).contains("<h2 class=\"section\">Draft report</h2>")
                .contains("<h3 class=\"section\">Introduction</h3>").contains("<h3 class=\"section\">Norms</h3>");
        for (int i = 0; i < paragraphs.size(); i++) {
            String id = paragraphs.get(i).get("id").asString();
            assertThat(html).contains("id=\"p-" + id + "\"")
                    .contains("aria-label=\"Link to paragraph " + (i + 1) + "\">" + (i + 1) + "</a>")
                    .contains(paragraphs.get(i).get("text").asString());
        }
        assertThat(html.indexOf("Introduction")).isLessThan(html.indexOf("States recall the framework"));
        assertThat(html.indexOf("States welcome")).isLessThan(html.indexOf(">Norms<"));
        assertThat(html).contains("<a href=\"/sign-in?continue=%2Fconsultations%2F" + slug + "\">Sign in</a> or <a href=\"/register\">register</a> to comment");
        assertThat(html).doesNotContain("class=\"comment-form\"");
    }

    @Test
    void eachParagraphShowsItsCountItsFirstCommentsAndALinkToAllOfThem() {
        String token = api.registerAndSignIn("Busy Commenter");
        String third = paragraphs.get(2).get("id").asString();
        String fourth = paragraphs.get(3).get("id").asString();
        for (int i = 1; i <= 4; i++) {
            fixtures.comment(token, slug, third, "Remark number " + i + " on the third.");
        }
        fixtures.comment(token, slug, fourth, "Only remark on the fourth.");
        fixtures.comment(token, slug, null, "On the *whole* document.");

        String html = new TestBrowser(port).get("/consultations/" + slug).body();
        assertThat(html).contains("6 comments");
        String thirdSection = section(html, third);
        assertThat(thirdSection).contains("4 comments<span class=\"visually-hidden\"> on paragraph 3</span>")
                .contains("Remark number 1").contains("Remark number 2").doesNotContain("Remark number 3")
                .doesNotContain("Remark number 4")
                .contains("<a href=\"/consultations/" + slug + "/paragraphs/" + third + "\">Read all 4 comments");
        String fourthSection = section(html, fourth);
        assertThat(fourthSection).contains("1 comment<span").contains("Only remark on the fourth.")
                .doesNotContain("Read all");
        assertThat(section(html, paragraphs.get(0).get("id").asString())).contains("<summary>Comment<span");
        assertThat(html).contains("Comments on the whole document (1)").contains("On the <em>whole</em> document.")
                .contains("Busy Commenter");
    }

    @Test
    void afterPublishingThePersonLandsWhereTheirCommentIsListed() {
        var browser = signedIn("Third Voice");
        String third = paragraphs.get(2).get("id").asString();
        browser.get("/consultations/" + slug);
        var first = browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", third, "body", "One."));
        assertThat(first.redirectsTo("/consultations/" + slug + "#comment-")).as(first.toString()).isTrue();
        browser.get("/consultations/" + slug);
        browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", third, "body", "Two."));
        browser.get("/consultations/" + slug);
        var third3 = browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", third, "body", "Three."));
        assertThat(third3.redirectsTo("/consultations/" + slug + "/paragraphs/" + third + "#comment-"))
                .as("the consultation page shows only the first comments, so the third lands on the paragraph's list")
                .isTrue();
        assertThat(browser.get("/consultations/" + slug + "/paragraphs/" + third).body()).contains("Three.");
    }

    @Test
    void manyCommentsOnTheWholeDocumentHaveTheirOwnPage() {
        String token = api.registerAndSignIn("General Remarks");
        for (int i = 1; i <= 4; i++) {
            fixtures.comment(token, slug, null, "General remark " + i + ".");
        }
        var browser = new TestBrowser(port);
        String html = browser.get("/consultations/" + slug).body();
        assertThat(html).contains("Comments on the whole document (4)").contains("General remark 2.")
                .doesNotContain("General remark 3.")
                .contains("<a href=\"/consultations/" + slug + "/document-comments\">Read all 4 comments on the whole document</a>");
        var all = browser.get("/consultations/" + slug + "/document-comments");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("<h1>Comments on the whole document</h1>").contains("4 comments")
                .contains("General remark 1.").contains("General remark 4.");
    }

    @Test
    void theParagraphPageListsAllCommentsInPagesOfFifty() {
        String third = paragraphs.get(2).get("id").asString();
        var lines = new StringBuilder();
        for (int i = 1; i <= 55; i++) {
            lines.append("{\"externalId\":\"m-%d\",\"author\":\"Writer %d\",\"paragraphId\":\"%s\",\"body\":\"Letter %03d.\",\"submittedAt\":\"2026-11-02T09:%02d:00Z\"}\n"
                    .formatted(i, i, third, i, i % 60));
        }
        assertThat(api.postRaw("/api/v1/consultations/" + slug + "/comments/import", lines.toString(),
                "application/x-ndjson", admin).status()).isEqualTo(200);

        var browser = new TestBrowser(port);
        String first = browser.get("/consultations/" + slug + "/paragraphs/" + third).body();
        assertThat(first).contains("<h1>Paragraph 3</h1>").contains("States should not conduct").contains("55 comments")
                .contains("Letter 001.").contains("Letter 050.").doesNotContain("Letter 051.")
                .contains("Page 1 of 2").contains("href=\"/consultations/" + slug + "/paragraphs/" + third + "?page=1\" rel=\"next\"")
                .contains("received by mail or on paper").doesNotContain("rel=\"prev\"");
        String second = browser.get("/consultations/" + slug + "/paragraphs/" + third + "?page=1").body();
        assertThat(second).contains("Letter 051.").contains("Letter 055.").doesNotContain("Letter 050.")
                .contains("start=\"51\"").contains("Page 2 of 2").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(browser.get("/consultations/" + slug + "/paragraphs/" + third + "?page=-1").status()).isEqualTo(400);
        assertThat(browser.get("/consultations/" + slug + "/paragraphs/nosuchparagraph1").status()).isEqualTo(404);
        assertThat(browser.get("/consultations/" + slug).body()).contains("Read all 55 comments on paragraph 3");
    }

    @Test
    void aSignedInPersonCommentsThroughTheFormForThemselvesOrTheirOrganisation() {
        String email = fixtures.person("Page Writer");
        String organization = fixtures.organization(api.token(email, TestApi.PASSWORD), "Lotus Bay Institute",
                "ACADEMIA", "SG");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        String second = paragraphs.get(1).get("id").asString();
        var page = browser.get("/consultations/" + slug);
        assertThat(page.body()).contains("class=\"comment-form\"").contains("Your comment on paragraph 2")
                .contains("<option value=\"" + organization + "\">Lotus Bay Institute</option>");

        var posted = browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", second, "body",
                "Welcome *all* stakeholders.", "organizationId", organization));
        assertThat(posted.redirectsTo("/consultations/" + slug + "#comment-")).as(posted.toString()).isTrue();
        String html = browser.get("/consultations/" + slug).body();
        assertThat(section(html, second)).contains("Welcome <em>all</em> stakeholders.").contains("Page Writer")
                .contains("for <a href=\"/organizations/" + organization + "\">Lotus Bay Institute</a>")
                .contains("Academia");

        var whole = browser.post("/consultations/" + slug + "/comments", Map.of("body", "For myself, on everything."));
        assertThat(whole.status()).isEqualTo(302);
        var listed = api.get("/api/v1/consultations/" + slug + "/comments?paragraphId=document").json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("organization").isNull()).isTrue();
    }

    @Test
    void anEmptyCommentIsRefusedAtTheFieldAndNothingIsStored() {
        var browser = signedIn("Hasty Writer");
        String third = paragraphs.get(2).get("id").asString();
        browser.get("/consultations/" + slug + "/paragraphs/" + third);
        var refused = browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", third, "body", "  \n "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"body-" + third + "-error\"").contains("is empty; write your comment")
                .contains("aria-invalid=\"true\"").contains("<h1>Paragraph 3</h1>");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isZero();
    }

    @Test
    void anOverLongCommentIsRefusedAndTheTextIsKept() {
        var browser = signedIn("Verbose Writer");
        browser.get("/consultations/" + slug);
        String text = "Long. ".repeat(3_400);
        var refused = browser.post("/consultations/" + slug + "/comments", Map.of("body", text));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"body-document-error\"").contains("the limit is 20000")
                .contains(">" + text + "</textarea>");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isZero();
    }

    @Test
    void whenTheWindowClosesWhileWritingTheTextIsKeptAndTheReasonShown() {
        var browser = signedIn("Late Writer");
        String first = paragraphs.get(0).get("id").asString();
        browser.get("/consultations/" + slug + "/paragraphs/" + first);
        api.patch("/api/v1/consultations/" + slug, Map.of("closesAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString()), admin);
        var refused = browser.post("/consultations/" + slug + "/comments", Map.of("paragraphId", first, "body",
                "My carefully written <remark> & thoughts"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("so your comment was not published")
                .contains("My carefully written &lt;remark&gt; &amp; thoughts</textarea>");
        assertThat(browser.get("/consultations/" + slug).body()).contains("Comments are no longer accepted.")
                .doesNotContain("class=\"comment-form\"");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        var browser = signedIn("Victim Of Forgery");
        browser.get("/consultations/" + slug);
        var forged = browser.postWithoutCsrf("/consultations/" + slug + "/comments", Map.of("body", "Forged comment"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isZero();
    }

    @Test
    void signedOutVisitorsAreSentToSignInToComment() {
        var browser = new TestBrowser(port);
        assertThat(browser.get("/consultations/" + slug).body()).doesNotContain("name=\"_csrf\"");
        browser.get("/sign-in");
        var refused = browser.post("/consultations/" + slug + "/comments", Map.of("body", "Anonymous?"));
        assertThat(refused.redirectsTo("/sign-in")).as(refused.toString()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isZero();
    }

    @Test
    void myContributionsListMyCommentsAndNeedSignIn() {
        var signedOut = new TestBrowser(port).get("/me/contributions");
        assertThat(signedOut.redirectsTo("/sign-in")).as(signedOut.toString()).isTrue();

        String email = fixtures.person("Regular Writer");
        String token = api.token(email, TestApi.PASSWORD);
        String third = paragraphs.get(2).get("id").asString();
        String comment = fixtures.comment(token, slug, third, "Mine, on the third.");
        fixtures.comment(api.registerAndSignIn("Somebody Else"), slug, third, "Not mine.");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        var mine = browser.get("/me/contributions");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("<h1>My contributions</h1>").contains("Mine, on the third.")
                .doesNotContain("Not mine.").contains("Consultation on the draft report")
                .contains("/consultations/" + slug + "/paragraphs/" + third + "#comment-" + comment);
        assertThat(browser.get("/me/contributions?page=-1").status()).isEqualTo(400);
    }

    private TestBrowser signedIn(String name) {
        String email = fixtures.person(name);
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        return browser;
    }

    /** The HTML of one paragraph's section on the consultation page. */
    private static String section(String html, String paragraphId) {
        var matcher = Pattern.compile("<section class=\"paragraph\" id=\"p-" + paragraphId + "\".*?</section>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("paragraph " + paragraphId + " is on the page").isTrue();
        return matcher.group();
    }
}
