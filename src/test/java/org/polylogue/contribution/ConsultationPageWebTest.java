package org.polylogue.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The consultation page as visitors see it. Visitors who are not signed in share one rendering of
 * it, which must never lag behind a comment or a change of the window.
 */
@PolylogueTest
class ConsultationPageWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    String paragraph1;
    String paragraph3;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        paragraph1 = consultation.get("document").get("paragraphs").get(0).get("id").asString();
        paragraph3 = consultation.get("document").get("paragraphs").get(2).get("id").asString();
    }

    @Test
    void aCommentIsOnThePageTheMomentItIsSubmitted() {
        String token = api.registerAndSignIn("Ana Reyes");
        assertThat(page().body()).contains("Comments on the whole document (0)");
        for (int i = 1; i <= 3; i++) {
            var created = api.post("/api/v1/consultations/" + slug + "/comments",
                    Map.of("paragraphId", paragraph3, "body", "Comment number " + i + " on *infrastructure*."), token);
            assertThat(created.status()).isEqualTo(201);
            String html = page().body();
            assertThat(html).contains(Format.plural(i) + "<span class=\"visually-hidden\"> on paragraph 3</span>");
            if (i <= 2) {
                assertThat(html).contains("Comment number " + i + " on <em>infrastructure</em>.");
            }
        }
        assertThat(page().body()).contains("Read all 3 comments on paragraph 3")
                .doesNotContain("Comment number 3 on");

        api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "On the whole text."), token);
        assertThat(page().body()).contains("Comments on the whole document (1)").contains("On the whole text.");
    }

    @Test
    void importedCommentsAreOnThePageAtOnce() {
        assertThat(page().body()).doesNotContain("By mail.");
        var imported = api.postRaw("/api/v1/consultations/" + slug + "/comments/import", """
                {"externalId":"m-1","author":"A. Citizen","paragraphId":"%s","body":"By mail.","submittedAt":"2026-11-02T09:30:00Z"}
                """.formatted(paragraph1), "application/x-ndjson", admin);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(page().body()).contains("By mail.").contains("A. Citizen");
    }

    @Test
    void closingTheWindowShowsOnThePageAtOnce() {
        assertThat(page().body()).contains("Open for comments until");
        var closed = api.patch("/api/v1/consultations/" + slug,
                Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()), admin);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(page().body()).contains("Comments are no longer accepted").contains("No comments")
                .doesNotContain("Open for comments until");
    }

    @Test
    void aLongCommentIsShortenedOnTheConsultationPageAndWholeOnItsParagraphPage() {
        String token = api.registerAndSignIn("Long Writer");
        String body = "We have many remarks on this paragraph. ".repeat(40) + "The very last sentence.";
        api.post("/api/v1/consultations/" + slug + "/comments", Map.of("paragraphId", paragraph1, "body", body), token);
        String html = page().body();
        assertThat(html).contains("We have many remarks on this paragraph.").contains("…")
                .doesNotContain("The very last sentence.")
                .contains("href=\"/consultations/" + slug + "/paragraphs/" + paragraph1 + "\">Read the comment on paragraph 1");
        assertThat(api.get("/consultations/" + slug + "/paragraphs/" + paragraph1).body())
                .contains("The very last sentence.");
    }

    @Test
    void visitorsWhoAreNotSignedInGetNoSessionAndCanRevalidate() throws Exception {
        var first = page();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Set-Cookie")).isNull();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        var unchanged = api.send("GET", "/consultations/" + slug, null, null, null, Map.of("If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        var gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/consultations/"
                + slug)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(first.body());

        String token = api.registerAndSignIn("Ana Reyes");
        api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "New."), token);
        var changed = api.send("GET", "/consultations/" + slug, null, null, null, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("New.");
    }

    @Test
    void aSignedInPersonGetsTheirOwnPageWithForms() throws Exception {
        String email = "signed-in@example.org";
        api.post("/api/v1/accounts", Map.of("email", email, "password", "correct horse battery", "displayName",
                "Signed In"), null);
        api.confirmEmail(email);
        assertThat(page().body()).doesNotContain("Publish comment");

        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String signInPage = get(browser, "/sign-in").body();
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage);
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        var signedIn = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=correct+horse+battery&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        String html = get(browser, "/consultations/" + slug).body();
        assertThat(html).contains("Publish comment").contains("Signed In")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(page().body()).doesNotContain("Publish comment").doesNotContain("Signed In");
    }

    private TestApi.Response page() {
        return api.send("GET", "/consultations/" + slug, null, null, null, Map.of());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "1 comment", "2 comments": the count as the page words it. */
    private static final class Format {
        static String plural(int count) {
            return count + (count == 1 ? " comment" : " comments");
        }
    }
}
