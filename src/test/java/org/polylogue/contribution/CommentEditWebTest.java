package org.polylogue.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Authors correct their comments while the window is open; nobody else can, and nothing is lost. */
@PolylogueTest
class CommentEditWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    String paragraph;
    String authorEmail;
    String author;
    String commentId;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        paragraph = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        authorEmail = fixtures.person("Original Author");
        author = api.token(authorEmail, TestApi.PASSWORD);
        commentId = fixtures.comment(author, slug, paragraph, "First text with a typo.");
    }

    @Test
    void theAuthorCorrectsTheirCommentAndTheEarlierTextStaysOnTheRecord() {
        var edited = api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "First text, *corrected*."), author);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("body").asString()).isEqualTo("First text, *corrected*.");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        var revisions = api.get("/api/v1/consultations/" + slug + "/comments/" + commentId + "/revisions");
        assertThat(revisions.json()).hasSize(1);
        assertThat(revisions.json().get(0).get("body").asString()).isEqualTo("First text with a typo.");

        var page = new TestBrowser(port).get("/consultations/" + slug + "/comments/" + commentId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<em>corrected</em>").contains("Earlier texts")
                .contains("First text with a typo.").doesNotContain("Change your comment");
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/paragraphs/" + paragraph).body())
                .contains("/comments/" + commentId + "\">edited</a>");
    }

    @Test
    void someoneElseCannotChangeTheCommentNotEvenARepresentativeOrTheSecretariat() {
        String other = api.token(fixtures.person("Impostor"), TestApi.PASSWORD);
        var refused = api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "Words put in someone's mouth"), other);
        TestApi.assertProblem(refused, 403, "not-author", null);
        TestApi.assertProblem(api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "Administrators cannot either"), admin), 403, "not-author", null);
        TestApi.assertProblem(api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "Nobody signed in"), null), 401, "unauthenticated", null);

        var browser = new TestBrowser(port);
        browser.signIn(fixtures.person("Page Impostor"), TestApi.PASSWORD);
        assertThat(browser.get("/consultations/" + slug + "/comments/" + commentId + "/edit").status()).isEqualTo(403);
        browser.get("/consultations/" + slug);
        assertThat(browser.post("/consultations/" + slug + "/comments/" + commentId + "/edit",
                Map.of("body", "Forged through the form")).status()).isEqualTo(403);

        var unchanged = api.get("/api/v1/consultations/" + slug + "/comments/" + commentId);
        assertThat(unchanged.json().get("body").asString()).isEqualTo("First text with a typo.");
        assertThat(unchanged.json().get("editedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments/" + commentId + "/revisions").json()).isEmpty();
    }

    @Test
    void thePageFormKeepsTheTextWhenRefusedAndSavesWhenValid() {
        var browser = new TestBrowser(port);
        browser.signIn(authorEmail, TestApi.PASSWORD);
        var form = browser.get("/consultations/" + slug + "/comments/" + commentId + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("First text with a typo.");
        var empty = browser.post("/consultations/" + slug + "/comments/" + commentId + "/edit", Map.of("body", "   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("is empty");
        String tooLong = "x".repeat(SubmitComment.MAX_BODY + 1);
        var long_ = browser.post("/consultations/" + slug + "/comments/" + commentId + "/edit", Map.of("body", tooLong));
        assertThat(long_.status()).isEqualTo(422);
        assertThat(long_.body()).contains(tooLong);
        var saved = browser.post("/consultations/" + slug + "/comments/" + commentId + "/edit",
                Map.of("body", "Second text."));
        assertThat(saved.redirectsTo("/consultations/" + slug + "/comments/" + commentId)).isTrue();
        assertThat(browser.get("/me/contributions").body()).contains("Second text.").contains("edited");
    }

    @Test
    void afterTheWindowClosesCommentsAreFrozen() {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(api.patch("/api/v1/consultations/" + slug, Map.of("opensAt", now.minusDays(3).toString(),
                "closesAt", now.minusMinutes(1).toString()), admin).status()).isEqualTo(200);
        TestApi.assertProblem(api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "Too late"), author), 409, "consultation-closed", null);
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/comments/" + commentId).body())
                .doesNotContain("Change your comment");
    }
}
