package org.polylogue.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Export, parse, compare: a process with comments (one hidden), a joint statement with signatures and
 * a written submission is exported; the ZIP's CSV (read with a real CSV parser) and JSON Lines agree
 * with the database row for row, the hidden comment has its notice and no text, and the README
 * describes every file.
 */
@PolylogueTest
class OpenDataExportRoundTripWebTest {

    static final String TRICKY = "Commas, \"quotes\" and\nline breaks; \u0627\u0644\u0623\u0645\u0646 "
            + "\u7f51\u7edc\u5b89\u5168 \u0431\u0435\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442\u044c";
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    static final String DASH = "- States should protect the public core of the internet.";
    static final String HIDDEN_TEXT = "You are all idiots and this draft is garbage.";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    String otherProcess;
    String consultationId;
    String hiddenComment;
    String statement;
    String submission;
    String otherComment;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        var consultation = fixtures.openConsultation(admin, process);
        String slug = consultation.get("slug").asString();
        consultationId = consultation.get("id").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(0).get("id").asString();

        String person = api.token(fixtures.person("Ada Exporter"), TestApi.PASSWORD);
        fixtures.comment(person, slug, null, "On the whole document.");
        fixtures.comment(person, slug, paragraph, TRICKY);
        fixtures.comment(person, slug, paragraph, FORMULA);
        fixtures.comment(person, slug, null, DASH);
        hiddenComment = fixtures.comment(person, slug, paragraph, HIDDEN_TEXT);
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "Be civil", "description", "No insults against people."), admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/moderation/comment/" + hiddenComment + "/hide",
                Map.of("ruleId", rule.json().get("id").asString(), "reason", "Insults"), admin);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);

        String leadToken = api.registerAndSignIn("Awa Ndiaye");
        String lead = fixtures.organization(leadToken, "Digital Rights Collective " + Math.random(), "CIVIL_SOCIETY",
                "SN");
        fixtures.verifyOrganization(admin, lead);
        var drafted = api.post("/api/v1/statements", Map.of("title", "Protect CERTs", "body", "We support it.",
                "organizationId", lead, "consultationSlug", slug, "paragraphId", paragraph), leadToken);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        statement = drafted.json().get("id").asString();
        assertThat(api.post("/api/v1/statements/" + statement + "/signing", Map.of(), leadToken).status())
                .isEqualTo(200);
        // a draft statement is not public and must not be exported
        assertThat(api.post("/api/v1/statements", Map.of("title", "Secret draft", "body", "Not yet public.",
                "organizationId", lead, "consultationSlug", slug), leadToken).status()).isEqualTo(201);

        var uploaded = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", person,
                Map.of("title", "Position paper", "summary", "In short."), "paper.txt", "text/plain",
                "States should protect the public core of the internet.".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        submission = uploaded.json().get("id").asString();

        otherProcess = fixtures.process(admin);
        String otherSlug = fixtures.openConsultation(admin, otherProcess).get("slug").asString();
        otherComment = fixtures.comment(person, otherSlug, null, "A comment in another process.");
    }

    @Test
    void aProcessExportRoundTripsWithTheDatabase() throws IOException {
        // regenerate first: another test class may have left a cached file from an emptied database
        var regenerated = api.post("/api/v1/exports/" + process + "/regeneration", null, admin);
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        assertThat(regenerated.json().get("file").asString()).isEqualTo(process + ".zip");

        var response = download("/api/v1/exports/" + process + ".zip", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("polylogue-" + process + ".zip");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        Map<String, byte[]> zip = unzip(response.body());

        // every file is described in the README, and README lists nothing that is missing
        String readme = text(zip, "README.md");
        for (String name : zip.keySet()) {
            assertThat(readme).as("README mentions " + name).contains("`" + name + "`");
        }
        assertThat(zip).containsKeys("LICENSE.txt", "manifest.json", "comments.csv", "comments.jsonl",
                "processes.csv", "consultations.csv", "versions.csv", "paragraphs.csv", "submissions.csv",
                "statements.csv", "signatures.csv", "moderation_log.csv", "organizations.csv");
        assertThat(text(zip, "LICENSE.txt")).contains("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/");

        // comments: same ids as the database, in CSV and JSON Lines
        List<String> commentIds = jdbc.sql("select id from contribution_comment where consultation_id = ? order by id")
                .param(consultationId).query(String.class).list();
        var comments = csv(zip, "comments.csv");
        var commentLines = jsonl(zip, "comments.jsonl");
        assertThat(comments.stream().map(r -> r.get("id")).toList()).isEqualTo(commentIds);
        assertThat(commentLines.stream().map(n -> n.get("id").asString()).toList()).isEqualTo(commentIds);
        assertThat(commentIds).hasSize(5).doesNotContain(otherComment);
        var tricky = comments.stream().filter(r -> r.get("body").equals(TRICKY)).toList();
        assertThat(tricky).as("commas, quotes, line breaks and non-Latin text survive CSV").hasSize(1);
        assertThat(tricky.getFirst().get("author")).isEqualTo("Ada Exporter");

        // CSV injection: a formula and a dash sentence start with a quote in the CSV, exact in JSON Lines
        var bodies = comments.stream().map(r -> r.get("body")).toList();
        assertThat(bodies).contains("'" + FORMULA, "'" + DASH).doesNotContain(FORMULA, DASH);
        assertThat(commentLines.stream().map(n -> n.get("body").asString("")).toList()).contains(FORMULA, DASH)
                .doesNotContain("'" + FORMULA, "'" + DASH);
        assertThat(readme).contains("CSV injection").contains("single quote");

        // the hidden comment: id and notice only
        var hiddenRow = comments.stream().filter(r -> r.get("id").equals(hiddenComment)).findFirst().orElseThrow();
        assertThat(hiddenRow.get("body")).isEmpty();
        assertThat(hiddenRow.get("author")).isEmpty();
        assertThat(hiddenRow.get("hidden_rule")).contains("Be civil");
        assertThat(hiddenRow.get("hidden_reason")).isEqualTo("Insults");
        var hiddenLine = commentLines.stream().filter(n -> n.get("id").asString().equals(hiddenComment)).findFirst()
                .orElseThrow();
        assertThat(hiddenLine.get("body").isNull()).isTrue();
        for (var entry : zip.entrySet()) {
            assertThat(new String(entry.getValue(), StandardCharsets.UTF_8)).as(entry.getKey())
                    .doesNotContain(HIDDEN_TEXT).doesNotContain("Secret draft");
        }

        // statements, signatures, submissions, versions, paragraphs: counts and ids as in the database
        assertThat(ids(csv(zip, "statements.csv"))).containsExactly(statement);
        assertThat(ids(csv(zip, "signatures.csv"))).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                "select id from statement_signature where statement_id = ?").param(statement).query(String.class).list());
        var submissions = csv(zip, "submissions.csv");
        assertThat(ids(submissions)).containsExactly(submission);
        assertThat(submissions.getFirst().get("extracted_text")).contains("public core of the internet");
        String documentId = jdbc.sql("select document_id from process_consultation where id = ?").param(consultationId)
                .query(String.class).single();
        assertThat(csv(zip, "versions.csv")).hasSize(jdbc.sql("select count(*) from drafting_version where document_id = ?")
                .param(documentId).query(Integer.class).single());
        assertThat(csv(zip, "paragraphs.csv")).hasSize(jdbc.sql("""
                select count(*) from drafting_block b join drafting_version v on v.id = b.version_id
                where v.document_id = ?""").param(documentId).query(Integer.class).single());
        assertThat(csv(zip, "processes.csv")).hasSize(1);
        assertThat(csv(zip, "consultations.csv").getFirst().get("id")).isEqualTo(consultationId);
        assertThat(csv(zip, "moderation_log.csv").stream().map(r -> r.get("item_id")).toList()).contains(hiddenComment);

        // the manifest counts what the files hold, and every CSV cell is its JSON Lines value
        // (a text that a spreadsheet would run as a formula with one leading quote)
        JsonNode manifest = json.readTree(zip.get("manifest.json"));
        for (JsonNode file : manifest.get("files")) {
            var rows = csv(zip, file.get("csv").asString());
            var lines = jsonl(zip, file.get("jsonl").asString());
            assertThat(rows).as(file.get("csv").asString()).hasSize(file.get("rows").asInt());
            assertThat(lines).hasSize(file.get("rows").asInt());
            for (int i = 0; i < rows.size(); i++) {
                for (var cell : rows.get(i).toMap().entrySet()) {
                    assertThat(cell.getValue()).as(file.get("csv").asString() + " row " + i + " " + cell.getKey())
                            .isEqualTo(csvForm(lines.get(i).get(cell.getKey())));
                }
            }
        }

        // the cached file is served again with its validators
        var again = download("/api/v1/exports/" + process + ".zip", Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void theWholePlatformExportHoldsEveryProcess() throws IOException {
        assertThat(api.post("/api/v1/exports/all/regeneration", null, admin).status()).isEqualTo(200);
        var response = download("/api/v1/exports/all.zip", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        var zip = unzip(response.body());
        var commentIds = ids(csv(zip, "comments.csv"));
        assertThat(commentIds).contains(otherComment, hiddenComment);
        assertThat(csv(zip, "processes.csv").stream().map(r -> r.get("slug")).toList()).contains(process, otherProcess);
    }

    @Test
    void onlyTheSecretariatOrAnAdministratorRegeneratesAndUnknownProcessesAre404() {
        String person = api.token(fixtures.person("Nosy Person"), TestApi.PASSWORD);
        TestApi.assertProblem(api.post("/api/v1/exports/" + process + "/regeneration", null, person), 403,
                "not-allowed", null);
        TestApi.assertProblem(api.post("/api/v1/exports/all/regeneration", null, person), 403, "not-allowed", null);
        assertThat(api.post("/api/v1/exports/" + process + "/regeneration", null, null).status()).isEqualTo(401);
        TestApi.assertProblem(api.get("/api/v1/exports/no-such-process.zip"), 404, "process-not-found", null);
        TestApi.assertProblem(api.post("/api/v1/exports/no-such-process/regeneration", null, admin), 404,
                "process-not-found", null);
        assertThat(api.post("/api/v1/exports/all/regeneration", null, admin).status()).isEqualTo(200);
    }

    @Test
    void theOpenDataPageLinksEveryExportAndDescribesEveryColumn() {
        var page = api.get("/open-data");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/api/v1/exports/all.zip", "/api/v1/exports/" + process + ".zip",
                "/api/v1/exports/" + otherProcess + ".zip", "CC BY 4.0", "comments.csv", "hidden_reason",
                "/feeds/consultations.atom", "/v3/api-docs", "one extra single quote");
    }

    private HttpResponse<byte[]> download(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(api.base() + path));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    static String text(Map<String, byte[]> zip, String name) {
        assertThat(zip).containsKey(name);
        return new String(zip.get(name), StandardCharsets.UTF_8);
    }

    static List<CSVRecord> csv(Map<String, byte[]> zip, String name) {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text(zip, name)))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> jsonl(Map<String, byte[]> zip, String name) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text(zip, name).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    /** What the CSV holds for a JSON Lines value: OWASP's quote before a text a spreadsheet would run. */
    static String csvForm(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            return value.toString();
        }
        String text = value.asString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static List<String> ids(List<CSVRecord> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }
}
