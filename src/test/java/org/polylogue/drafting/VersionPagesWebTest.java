package org.polylogue.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.polylogue.submission.SubmissionFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The version pages without JavaScript: upload, review, correct, publish, read, compare; hostile text inert. */
@PolylogueTest
class VersionPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    JsonNode v1;
    TestBrowser secretariat;

    @BeforeEach
    void consultation() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        v1 = consultation.get("document").get("paragraphs");
        secretariat = new TestBrowser(port);
        secretariat.signIn("admin@example.org", "administrator password");
    }

    @Test
    void theSecretariatUploadsCorrectsAndPublishesThroughThePagesAndEveryoneReadsAndCompares() {
        var list = secretariat.get("/consultations/" + slug + "/versions");
        assertThat(list.body()).contains("Secretariat: upload a new version", "Version 1");

        // a refused text comes back kept, with the error at the field (422)
        var refused = secretariat.post("/consultations/" + slug + "/versions", Map.of("markdown", "<div>oops</div>"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("markdown-error", "&lt;div&gt;oops&lt;/div&gt;");

        var uploaded = secretariat.post("/consultations/" + slug + "/versions",
                Map.of("markdown", VersionApiWebTest.VERSION_2));
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(uploaded.location()).endsWith("/consultations/" + slug + "/versions/2");
        var review = secretariat.get("/consultations/" + slug + "/versions/2");
        assertThat(review.body()).contains("Review draft version 2", "name=\"previous-5\"", "Publish version 2",
                "Removed from version 1");
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/versions/2").status()).isEqualTo(404);

        String third = v1.get(2).get("id").asString();
        var corrected = secretariat.post("/consultations/" + slug + "/versions/2/alignment",
                Map.of("previous-5", third));
        assertThat(corrected.status()).isEqualTo(302);
        assertThat(secretariat.get("/consultations/" + slug + "/versions/2?done=corrected").body())
                .contains("The alignment was corrected.").doesNotContain("Removed from version 1");

        var published = secretariat.post("/consultations/" + slug + "/versions/2/publication", Map.of());
        assertThat(published.status()).isEqualTo(302);
        var twice = secretariat.post("/consultations/" + slug + "/versions/2/publication", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already published");

        var reader = new TestBrowser(port);
        assertThat(reader.get("/consultations/" + slug).body()).contains("href=\"/consultations/" + slug
                + "/versions\"", "Draft version 2");
        assertThat(reader.get("/consultations/" + slug + "/versions/1").body()).contains("Version 1",
                "States should not conduct or knowingly support activity that damages critical infrastructure.");
        var side = reader.get("/consultations/" + slug + "/diff?from=1&to=2");
        assertThat(side.status()).isEqualTo(200);
        assertThat(side.body()).contains("<table class=\"diff-table\">", "moved from ¶5", "<ins>warmly </ins>");
        var redline = reader.get("/consultations/" + slug + "/diff?from=1&to=2&view=redline");
        assertThat(redline.body()).contains("class=\"draft redline\"", "<del>", "<ins>");
        assertThat(reader.get("/consultations/" + slug + "/diff?from=1&to=5").status()).isEqualTo(404);
        assertThat(reader.get("/feeds/consultations/" + slug + "/versions.atom").body()).contains("Version 2 of");
    }

    @Test
    void commentsOnARemovedParagraphStayReachableAndAreMarkedWithTheirVersion() {
        String person = api.token(fixtures.person("Commenter"), TestApi.PASSWORD);
        String removed = v1.get(2).get("id").asString();
        fixtures.comment(person, slug, removed, "Keep the critical infrastructure norm.");
        assertThat(api.post("/api/v1/consultations/" + slug + "/versions", Map.of("format", "markdown", "text",
                VersionApiWebTest.VERSION_2), admin).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), admin).status())
                .isEqualTo(200);
        var reader = new TestBrowser(port);
        var list = reader.get("/consultations/" + slug + "/versions");
        assertThat(list.body()).contains("Comments on removed paragraphs",
                "/consultations/" + slug + "/paragraphs/" + removed);
        var paragraph = reader.get("/consultations/" + slug + "/paragraphs/" + removed);
        assertThat(paragraph.status()).isEqualTo(200);
        assertThat(paragraph.body()).contains("not in the current version", "Keep the critical infrastructure norm.",
                "on version 1");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments?paragraphId=" + removed).json().get("total")
                .asInt()).isEqualTo(1);
    }

    @Test
    void someoneWhoIsNotSecretariatIsRefusedAndNothingIsStored() {
        var person = new TestBrowser(port);
        person.signIn(fixtures.person("Outsider"), TestApi.PASSWORD);
        person.get("/consultations/" + slug + "/versions");
        assertThat(person.get("/consultations/" + slug + "/versions").body()).doesNotContain("upload a new version");
        assertThat(person.post("/consultations/" + slug + "/versions", Map.of("markdown", "A paragraph.")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions", admin).json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void hostileTextInAVersionIsShownInertOnEveryPage() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# Heading " + XssCorpusWebTest.corpus().getFirst());
        lines.add(v1.get(0).get("text").asString());
        lines.addAll(XssCorpusWebTest.corpus());
        var upload = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/versions", admin, Map.of(),
                "hostile.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                DraftFiles.docx(lines.toArray(String[]::new)));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        var shown = new HashSet<String>();
        for (String path : List.of("/consultations/" + slug + "/versions/2")) {
            XssCorpusWebTest.assertInert(path, secretariat.get(path).body(), shown);
        }
        assertThat(api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), admin).status())
                .isEqualTo(200);
        var reader = new TestBrowser(port);
        for (String path : List.of("/consultations/" + slug, "/consultations/" + slug + "/versions/2",
                "/consultations/" + slug + "/diff?from=1&to=2", "/consultations/" + slug + "/diff?from=1&to=2&view=redline",
                "/consultations/" + slug + "/versions")) {
            var page = reader.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            XssCorpusWebTest.assertInert(path, page.body(), shown);
        }
        assertThat(shown).hasSizeGreaterThan(10);
    }
}
