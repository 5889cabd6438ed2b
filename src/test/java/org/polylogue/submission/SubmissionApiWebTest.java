package org.polylogue.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.submission.internal.FileStore;
import org.polylogue.submission.internal.SubmissionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PolylogueTest
class SubmissionApiWebTest {

    static final String PDF = "application/pdf";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Autowired
    SubmissionSettings settings;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String processSlug;
    String slug;
    String person;
    long rowsBefore;
    long filesBefore;

    @BeforeEach
    void setUp() throws IOException {
        rowsBefore = rows();
        filesBefore = storedFiles();
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        processSlug = fixtures.process(admin);
        slug = fixtures.openConsultation(admin, processSlug).get("slug").asString();
        person = api.token(fixtures.person("Ada Submitter"), TestApi.PASSWORD);
    }

    TestApi.Response upload(String token, String title, String fileName, String type, byte[] file) {
        return SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", token,
                Map.of("title", title, "summary", "What we propose, in short."), fileName, type, file);
    }

    @Test
    void aPersonUploadsAPdfAndItsTextLanguageAndOriginalAreKept() {
        byte[] pdf = SubmissionFiles.pdf("States should protect the public core of the internet.",
                "Civil society organisations should be consulted before any new norm is adopted.",
                "Capacity building must reach the countries that need it most.");
        var created = upload(person, "Position paper on norms", "position paper.pdf", PDF, pdf);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/submissions/" + id);
        assertThat(created.json().get("mediaType").asString()).isEqualTo(PDF);
        assertThat(created.json().get("language").asString()).isEqualTo("en");
        assertThat(created.json().get("pageCount").asInt()).isEqualTo(1);
        assertThat(created.json().get("author").asString()).isEqualTo("Ada Submitter");

        var read = api.get("/api/v1/submissions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("text").asString()).contains("public core of the internet")
                .contains("Capacity building");
        assertThat(read.json().get("languageName").asString()).isEqualTo("English");

        var list = api.get("/api/v1/consultations/" + slug + "/submissions");
        assertThat(list.json().get("total").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("title").asString()).isEqualTo("Position paper on norms");
        assertThat(list.json().get("items").get(0).has("text")).isFalse();

        for (String path : new String[] {"/api/v1/submissions/" + id + "/file", "/submissions/" + id + "/file"}) {
            var file = api.get(path);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.contentType()).isEqualTo(PDF);
            assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("position paper.pdf");
            assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(Long.parseLong(file.header("Content-Length"))).isEqualTo(pdf.length);
        }
    }

    @Test
    void docxOdtAndPlainTextAreReadToo() {
        var docx = upload(person, "In DOCX", "paper.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                SubmissionFiles.docx("Les États devraient protéger le noyau public de l'internet.",
                        "La société civile doit être consultée avant l'adoption de toute nouvelle norme."));
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        var read = api.get("/api/v1/submissions/" + docx.json().get("id").asString()).json();
        assertThat(read.get("text").asString()).contains("noyau public de l'internet");
        assertThat(read.get("language").asString()).isEqualTo("fr");

        var odt = upload(person, "In ODT", "paper.odt", "application/vnd.oasis.opendocument.text",
                SubmissionFiles.odt("Los Estados deberían proteger el núcleo público de internet y consultar a la "
                        + "sociedad civil antes de adoptar nuevas normas."));
        assertThat(odt.status()).as(odt.body()).isEqualTo(201);
        assertThat(odt.json().get("mediaType").asString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(api.get("/api/v1/submissions/" + odt.json().get("id").asString()).json().get("text").asString())
                .contains("núcleo público");

        var text = upload(person, "In text", "notes.txt", "text/plain",
                "Plain text is welcome.\n\nA second paragraph.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.body()).isEqualTo(201);
        assertThat(text.json().get("mediaType").asString()).isEqualTo("text/plain");
        assertThat(text.json().get("fileName").asString()).isEqualTo("notes.txt");
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedByItsContentAndLeavesNothing() throws IOException {
        var refused = upload(person, "Not a PDF", "paper.pdf", PDF, SubmissionFiles.executable());
        assertProblem(refused, 415, "unsupported-file-type", "file");
        assertNothingLeft();
    }

    @Test
    void aZipBombDisguisedAsADocxIsReadOnlyUpToTheCharacterLimit() {
        // 400 MB of text in a 400 KB file: read as a stream and cut at the character limit, so the
        // server's memory holds at most that many characters, whatever the file expands to
        byte[] bomb = SubmissionFiles.docxBomb(400);
        assertThat(bomb.length).as("small on the wire").isLessThan(2_000_000);
        var kept = upload(person, "Looks like a paper", "paper.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb);
        assertThat(kept.status()).as(kept.body().substring(0, Math.min(300, kept.body().length()))).isEqualTo(201);
        assertThat(kept.json().get("textTruncated").asBoolean()).isTrue();
        assertThat(kept.json().get("text").asString().length()).isLessThanOrEqualTo(settings.maxChars());
        // and the server still answers normally
        assertThat(upload(person, "A real paper", "notes.txt", "text/plain",
                "A short and harmless text.".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(201);
    }

    @Test
    void aPdfWithTenThousandPagesIsRefusedAndLeavesNothing() throws IOException {
        var refused = upload(person, "Huge", "huge.pdf", PDF, SubmissionFiles.pdfWithPages(10_000));
        assertProblem(refused, 422, "too-many-pages", "file");
        assertThat(refused.json().get("title").asString()).contains("10000 pages");
        assertNothingLeft();
    }

    @Test
    void aFileWhoseExtractionTimesOutIsRefusedAndLeavesNothing() throws IOException {
        var timeout = settings.extractionTimeout();
        settings.setExtractionTimeout(Duration.ofMillis(1));
        try {
            var refused = upload(person, "Slow", "slow.pdf", PDF, SubmissionFiles.pdfWithPages(300));
            assertProblem(refused, 422, "extraction-timed-out", "file");
        } finally {
            settings.setExtractionTimeout(timeout);
        }
        assertNothingLeft();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndLeavesNothing() throws IOException {
        long limit = settings.maxBytes();
        settings.setMaxBytes(500);
        try {
            var refused = upload(person, "Big", "big.pdf", PDF, SubmissionFiles.pdf("x".repeat(60), "y".repeat(60)));
            assertProblem(refused, 413, "file-too-large", "file");
        } finally {
            settings.setMaxBytes(limit);
        }
        assertNothingLeft();
    }

    @Test
    void aPasswordProtectedPdfIsRefusedClearly() throws IOException {
        var refused = upload(person, "Locked", "locked.pdf", PDF, SubmissionFiles.encryptedPdf());
        assertProblem(refused, 422, "encrypted-file", "file");
        assertNothingLeft();
    }

    @Test
    void onlyConfirmedPeopleOnlyWhileOpenAndOnlyForTheirOwnOrganisation() throws IOException {
        byte[] pdf = SubmissionFiles.pdf("A short paper.");
        assertThat(upload(null, "Anonymous", "a.pdf", PDF, pdf).status()).isEqualTo(401);

        String unconfirmed = api.token(fixtures.unconfirmedPerson("Not Confirmed"), TestApi.PASSWORD);
        assertProblem(upload(unconfirmed, "Unconfirmed", "a.pdf", PDF, pdf), 403, "email-not-confirmed", null);

        String representative = api.token(fixtures.person("Rep Resentative"), TestApi.PASSWORD);
        String org = fixtures.organization(representative, "Cyber Peace Institute", "CIVIL_SOCIETY", "CH");
        var foreign = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", person,
                Map.of("title", "For them", "summary", "S", "organizationId", org), "a.pdf", PDF, pdf);
        assertProblem(foreign, 403, "not-representative", "organizationId");

        var own = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", representative,
                Map.of("title", "For us", "summary", "S", "organizationId", org), "a.pdf", PDF, pdf);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("organizationName").asString()).isEqualTo("Cyber Peace Institute");
        rowsBefore = rows();
        filesBefore = storedFiles();

        var now = OffsetDateTime.now(ZoneOffset.UTC);
        String closed = fixtures.consultation(admin, processSlug, now.minusDays(10), now.minusDays(1), Fixtures.DRAFT)
                .get("slug").asString();
        var late = SubmissionFiles.upload(api, "/api/v1/consultations/" + closed + "/submissions", person,
                Map.of("title", "Late", "summary", "S"), "a.pdf", PDF, pdf);
        assertProblem(late, 409, "consultation-closed", null);

        var missing = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", person,
                Map.of("title", " ", "summary", "x".repeat(2001)), null, null, null);
        assertProblem(missing, 400, "invalid-input", "title");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("summary", "file");
        assertNothingLeft();
    }

    @Test
    void aHiddenSubmissionShowsTheNoticeAndItsFileIsGone() {
        var created = upload(person, "To be hidden", "h.pdf", PDF, SubmissionFiles.pdf("Off-topic advertising."));
        String id = created.json().get("id").asString();
        jdbc.update("insert into moderation_hidden (kind, item_id, rule_title, reason, hidden_at) "
                + "values ('submission', ?, 'No advertising', 'Sells a product.', now())", id);
        var read = api.get("/api/v1/submissions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("hidden").get("ruleTitle").asString()).isEqualTo("No advertising");
        assertThat(read.json().has("title")).isFalse();
        assertThat(read.json().has("text")).isFalse();
        assertThat(read.body()).doesNotContain("Off-topic");
        assertProblem(api.get("/api/v1/submissions/" + id + "/file"), 410, "hidden", null);
        var page = api.get("/submissions/" + id + "/file");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("No advertising").doesNotContain("To be hidden");
    }

    @Test
    void unknownSubmissionsAndConsultationsAreNotFound() {
        assertProblem(api.get("/api/v1/submissions/nope"), 404, "submission-not-found", null);
        assertProblem(api.get("/api/v1/submissions/nope/file"), 404, "submission-not-found", null);
        assertProblem(api.get("/api/v1/consultations/nope/submissions"), 404, "consultation-not-found", null);
    }

    private void assertNothingLeft() throws IOException {
        assertThat(rows()).as("rows").isEqualTo(rowsBefore);
        assertThat(storedFiles()).as("files").isEqualTo(filesBefore);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from submission_submission", Long.class);
    }

    private long storedFiles() throws IOException {
        Path root = files.root();
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
