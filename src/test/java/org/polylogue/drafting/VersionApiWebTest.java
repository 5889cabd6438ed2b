package org.polylogue.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.submission.SubmissionFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Uploading, correcting, publishing and comparing versions through the API, and every bad input. */
@PolylogueTest
class VersionApiWebTest {

    static final String VERSION_2 = """
            # Draft report

            ## Introduction

            States recall the framework of responsible behaviour.

            States warmly welcome the meaningful participation of stakeholders.

            ## Norms

            - States should report vulnerabilities responsibly.
            - States should protect computer emergency response teams.

            States should cooperate to build capacity in developing countries.
            """;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    JsonNode v1;

    @BeforeEach
    void consultation() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        v1 = consultation.get("document").get("paragraphs");
    }

    private TestApi.Response upload(String markdown, String token) {
        return api.post("/api/v1/consultations/" + slug + "/versions", Map.of("format", "markdown", "text", markdown),
                token);
    }

    private String id(int number) {
        return v1.get(number - 1).get("id").asString();
    }

    @Test
    void theSecretariatUploadsReviewsCorrectsAndPublishesAVersionWhoseParagraphsKeepTheirIds() {
        String person = api.token(fixtures.person("Reader"), TestApi.PASSWORD);
        String comment = fixtures.comment(person, slug, id(3), "Critical infrastructure matters.");

        var uploaded = upload(VERSION_2, admin);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.header("Location")).endsWith("/versions/2");
        var draft = uploaded.json();
        assertThat(draft.get("number").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        var paragraphs = draft.get("paragraphs");
        assertThat(paragraphs.get(0).get("id").asString()).isEqualTo(id(1));
        assertThat(paragraphs.get(0).get("change").asString()).isEqualTo("UNCHANGED");
        assertThat(paragraphs.get(1).get("id").asString()).isEqualTo(id(2));
        assertThat(paragraphs.get(1).get("change").asString()).isEqualTo("EDITED");
        assertThat(paragraphs.get(2).get("id").asString()).isEqualTo(id(5));
        assertThat(paragraphs.get(2).get("change").asString()).isEqualTo("MOVED");
        assertThat(paragraphs.get(2).get("previousNumber").asInt()).isEqualTo(5);
        assertThat(paragraphs.get(3).get("id").asString()).isEqualTo(id(4));
        assertThat(paragraphs.get(4).get("change").asString()).isEqualTo("NEW");
        assertThat(draft.get("removed").findValuesAsString("id")).containsExactly(id(3));

        // the draft is not public, and the current version is still 1
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions/2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/consultations/" + slug).json().get("document").get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions", admin).json().get("items")).hasSize(2);

        // the secretariat says the new paragraph is really the old third one, edited
        var corrected = api.patch("/api/v1/consultations/" + slug + "/versions/2/alignment",
                Map.of("paragraphs", List.of(Map.of("number", 5, "previousId", id(3)))), admin);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("paragraphs").get(4).get("id").asString()).isEqualTo(id(3));
        assertThat(corrected.json().get("paragraphs").get(4).get("change").asString()).isIn("EDITED", "MOVED");
        assertThat(corrected.json().get("removed")).isEmpty();

        var published = api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), admin);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        var consultation = api.get("/api/v1/consultations/" + slug).json();
        assertThat(consultation.get("document").get("version").asInt()).isEqualTo(2);
        assertThat(consultation.get("document").get("paragraphs").get(4).get("id").asString()).isEqualTo(id(3));

        // the comment stays on its paragraph, now number 5, and is marked with version 1
        var comments = api.get("/api/v1/consultations/" + slug + "/comments?paragraphId=" + id(3)).json();
        assertThat(comments.get("items").get(0).get("id").asString()).isEqualTo(comment);
        assertThat(comments.get("items").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(comments.get("items").get(0).get("paragraphNumber").asInt()).isEqualTo(5);

        var diff = api.get("/api/v1/consultations/" + slug + "/diff?from=1&to=2");
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        var rows = diff.json().get("rows");
        assertThat(rows.findValuesAsString("note")).contains("moved from ¶5");
        var edited = rows.get(3);
        assertThat(edited.get("change").asString()).isEqualTo("EDITED");
        assertThat(edited.get("segments").findValuesAsString("kind")).contains("EQUAL", "INSERTED");
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions/2").json().get("paragraphs")).hasSize(5);
    }

    @Test
    void aDocxVersionKeepsItsHeadingsAndParagraphs() {
        var response = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/versions", admin, Map.of(),
                "v2.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                DraftFiles.docx("# Introduction", "States recall the framework of responsible behaviour.",
                        "States welcome the participation of stakeholders.", "# Norms",
                        "States should report vulnerabilities responsibly and share remedies."));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("format").asString()).isEqualTo("docx");
        assertThat(response.json().get("blocks").findValuesAsString("kind"))
                .containsExactly("heading", "paragraph", "paragraph", "heading", "paragraph");
        assertThat(response.json().get("paragraphs").get(0).get("id").asString()).isEqualTo(id(1));
        assertThat(response.json().get("paragraphs").get(1).get("id").asString()).isEqualTo(id(2));
    }

    @Test
    void aPdfVersionIsRead() {
        var response = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/versions", admin,
                Map.of("format", "pdf"), "v2.pdf", "application/pdf",
                DraftFiles.pdf("States recall the framework of responsible behaviour.",
                        "States welcome the participation of stakeholders."));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("format").asString()).isEqualTo("pdf");
        assertThat(response.json().get("paragraphs").findValuesAsString("text")).isNotEmpty();
    }

    @Test
    void badFilesAreRefusedClearlyAndStoreNothing() {
        String path = "/api/v1/consultations/" + slug + "/versions";
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "broken.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes()), 422, "unreadable-file", "file");
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "secret.pdf", "application/pdf",
                DraftFiles.protectedPdf()), 422, "encrypted-file", "file");
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "bomb.docx", docx,
                DraftFiles.docxBomb(200)), 422, "file-expands-too-much", "file");
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "large.docx", docx,
                new byte[21 * 1024 * 1024]), 413, "too-large", null);
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "empty.docx", docx, DraftFiles.docx()),
                400, "invalid-input", "file");
        assertProblem(SubmissionFiles.upload(api, path, admin, Map.of(), "program.docx", docx,
                "MZ not a document at all".getBytes()), 415, "unsupported-file-type", "file");
        assertProblem(upload("", admin), 400, "invalid-input", "document.text");
        assertProblem(upload("<div>html</div>", admin), 400, "invalid-input", "document.text");
        assertThat(jdbc.sql("select count(*) from drafting_version v join process_consultation c on "
                + "c.document_id = v.document_id where c.slug = :slug").param("slug", slug).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void onlyTheSecretariatChangesVersionsAndNothingIsStoredForOthers() {
        String person = api.token(fixtures.person("Not secretariat"), TestApi.PASSWORD);
        assertProblem(upload(VERSION_2, person), 403, "not-secretariat", null);
        assertThat(upload(VERSION_2, null).status()).isEqualTo(401);
        assertThat(upload(VERSION_2, admin).status()).isEqualTo(201);
        assertProblem(api.patch("/api/v1/consultations/" + slug + "/versions/2/alignment",
                Map.of("paragraphs", List.of(Map.of("number", 1, "previousId", id(2)))), person), 403,
                "not-secretariat", null);
        assertProblem(api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), person), 403,
                "not-secretariat", null);
        assertThat(api.get("/api/v1/consultations/" + slug + "/versions/2", person).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/consultations/" + slug).json().get("document").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void publishingTwiceADraftAtATimeAndBadCorrectionsAreConflictsOrInvalid() {
        assertThat(upload(VERSION_2, admin).status()).isEqualTo(201);
        assertProblem(upload(VERSION_2, admin), 409, "draft-exists", null);
        String path = "/api/v1/consultations/" + slug + "/versions/2/alignment";
        assertProblem(api.patch(path, Map.of("paragraphs", List.of(Map.of("number", 5, "previousId", id(1)))), admin),
                400, "invalid-input", "paragraphs");
        assertProblem(api.patch(path, Map.of("paragraphs", List.of(Map.of("number", 99, "previousId", id(1)))),
                admin), 400, "invalid-input", "paragraphs[0].number");
        assertProblem(api.patch(path, Map.of("paragraphs", List.of(Map.of("number", 1, "previousId", "nosuch"))),
                admin), 400, "invalid-input", "paragraphs[0].previousId");
        assertThat(api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), admin).status())
                .isEqualTo(200);
        assertProblem(api.post("/api/v1/consultations/" + slug + "/versions/2/publication", Map.of(), admin), 409,
                "already-published", null);
        assertProblem(api.patch(path, Map.of("paragraphs", List.of(Map.of("number", 1, "previousId", id(1)))), admin),
                409, "already-published", null);
        assertProblem(api.post("/api/v1/consultations/" + slug + "/versions/7/publication", Map.of(), admin), 404,
                "version-not-found", null);
    }

    @Test
    void diffsOfUnknownVersionsAreNotFoundAndBadParametersInvalid() {
        String diff = "/api/v1/consultations/" + slug + "/diff";
        assertProblem(api.get(diff + "?from=1&to=9"), 404, "version-not-found", null);
        assertProblem(api.get(diff + "?from=1&to=1"), 400, "invalid-input", "to");
        assertProblem(api.get(diff + "?from=0&to=1"), 400, "invalid-input", "from");
        assertProblem(api.get(diff + "?from=1"), 400, "invalid-input", "to");
        assertThat(api.get(diff + "?from=a&to=2").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/consultations/nosuch/diff?from=1&to=2").status()).isEqualTo(404);
        assertThat(upload(VERSION_2, admin).status()).isEqualTo(201);
        // a draft is not compared publicly
        assertProblem(api.get(diff + "?from=1&to=2"), 404, "version-not-found", null);
    }
}
