package org.polylogue.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PolylogueTest
class CommentApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    JsonNode consultation;
    String slug;
    String paragraph3;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
        paragraph3 = consultation.get("document").get("paragraphs").get(2).get("id").asString();
    }

    @Test
    void theDraftIsReadableByAnyoneWithNumberedParagraphsAndSections() {
        var response = api.get("/api/v1/consultations/" + slug);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("OPEN");
        var paragraphs = response.json().get("document").get("paragraphs");
        assertThat(paragraphs).hasSize(5);
        assertThat(paragraphs.get(2).get("number").asInt()).isEqualTo(3);
        assertThat(paragraphs.get(2).get("text").asString()).startsWith("States should not conduct");
        assertThat(paragraphs.get(2).get("section").asString()).isEqualTo("Norms");
        assertThat(paragraphs.get(4).get("text").asString()).isEqualTo("States should report vulnerabilities responsibly.");
        assertThat(response.json().get("document").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aRepresentativeCommentsOnAParagraphForTheirOrganisationAndItIsPublicAtOnce() {
        String token = api.registerAndSignIn("Ana Reyes");
        String organization = fixtures.organization(token, "Digital Rights Lab", "CIVIL_SOCIETY", "CL");
        var created = api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("paragraphId", paragraph3, "body", "Please name *critical infrastructure* explicitly.",
                        "organizationId", organization), token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("author").asString()).isEqualTo("Ana Reyes");
        assertThat(created.json().get("organization").get("name").asString()).isEqualTo("Digital Rights Lab");
        assertThat(created.json().get("paragraphNumber").asInt()).isEqualTo(3);
        assertThat(created.json().get("bodyHtml").asString()).contains("<em>critical infrastructure</em>");

        var listed = api.get("/api/v1/consultations/" + slug + "/comments?paragraphId=" + paragraph3);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("total").asLong()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("id").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(listed.json().get("page").asInt()).isZero();
        assertThat(listed.json().get("size").asInt()).isEqualTo(50);

        var page = api.get("/consultations/" + slug);
        assertThat(page.body()).contains("Please name <em>critical infrastructure</em> explicitly.")
                .contains("Digital Rights Lab");
    }

    @Test
    void aCommentHasItsOwnAddressAndBlankIdsAreRefusedNotGuessed() {
        String token = api.registerAndSignIn("Addressable");
        var created = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "Find me."), token);
        var found = api.get(created.header("Location"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("body").asString()).isEqualTo("Find me.");
        assertProblem(api.get("/api/v1/consultations/" + slug + "/comments/0000000000000000"), 404,
                "comment-not-found", null);
        assertProblem(api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "x", "paragraphId", " "),
                token), 400, "invalid-input", "paragraphId");
        assertProblem(api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "x", "organizationId", ""),
                token), 400, "invalid-input", "organizationId");
    }

    @Test
    void aCommentWithoutParagraphIsOnTheWholeDocument() {
        String token = api.registerAndSignIn("Whole Doc");
        var created = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "Good overall."), token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("paragraphId").isNull()).isTrue();
        assertThat(created.json().get("organization").isNull()).isTrue();
    }

    @Test
    void badCommentsGetPreciseProblemsAndChangeNothing() {
        String token = api.registerAndSignIn("Careless Writer");
        String path = "/api/v1/consultations/" + slug + "/comments";
        assertProblem(api.post(path, Map.of("body", "   "), token), 400, "invalid-input", "body");
        assertProblem(api.post(path, Map.of("body", "x".repeat(20_001)), token), 400, "invalid-input", "body");
        assertProblem(api.post(path, Map.of("body", "ok", "paragraphId", "nosuchparagraph1"), token), 400,
                "invalid-input", "paragraphId");
        assertProblem(api.post(path, Map.of("body", "ok", "organizationId", "nosuchorganizat"), token), 400,
                "invalid-input", "organizationId");
        String other = api.registerAndSignIn("Someone Else");
        String foreign = fixtures.organization(other, "Someone Else's Institute", "ACADEMIA", "FR");
        assertProblem(api.post(path, Map.of("body", "ok", "organizationId", foreign), token), 403,
                "not-representative", "organizationId");
        var malformed = api.postRaw(path, "{not json", "application/json", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(api.post(path, Map.of("body", "anonymous"), null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/consultations/nope/comments", Map.of("body", "x"), token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isZero();
    }

    @Test
    void outsideTheWindowCommentsAreRefusedWithConsultationClosed() {
        String token = api.registerAndSignIn("Late Comer");
        var closed = api.patch("/api/v1/consultations/" + slug,
                Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                        "opensAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString()), admin);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        var refused = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "Too late?"), token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("consultation-closed");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyTheSecretariatChangesTheWindow() {
        String token = api.registerAndSignIn("Not Secretariat");
        var refused = api.patch("/api/v1/consultations/" + slug,
                Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).toString()), token);
        assertThat(refused.status()).isEqualTo(403);
        var inverted = api.patch("/api/v1/consultations/" + slug,
                Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(5).toString()), admin);
        assertProblem(inverted, 400, "invalid-input", "closesAt");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneComment() {
        String token = api.registerAndSignIn("Retrying Client");
        String path = "/api/v1/consultations/" + slug + "/comments";
        var first = api.post(path, Map.of("body", "Once only"), token, Map.of("Idempotency-Key", "key-1"));
        var second = api.post(path, Map.of("body", "Once only"), token, Map.of("Idempotency-Key", "key-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        var different = api.post(path, Map.of("body", "Another body"), token, Map.of("Idempotency-Key", "key-1"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(api.get(path).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void scriptInACommentNeverExecutes() {
        String token = api.registerAndSignIn("<script>alert('name')</script>");
        var created = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("paragraphId", paragraph3, "body",
                "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"), token);
        assertThat(created.status()).isEqualTo(201);
        String html = created.json().get("bodyHtml").asString();
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img");
        String page = api.get("/consultations/" + slug).body();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert('name')&lt;/script&gt;");
    }

    @Test
    void theSecretariatImportsJsonLinesIdempotentlyAndAllOrNothing() {
        String path = "/api/v1/consultations/" + slug + "/comments/import";
        String good = """
                {"externalId":"m-1","author":"A. Citizen","body":"By mail.","submittedAt":"2026-11-02T09:30:00Z"}
                {"externalId":"m-2","author":"B. Expert","organization":"Paper Institute","stakeholderGroup":"ACADEMIA","country":"fr","paragraphId":"%s","body":"On paper.","submittedAt":"2026-11-03T09:30:00+01:00"}
                """.formatted(paragraph3);
        var imported = api.postRaw(path, good, "application/x-ndjson", admin);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        var again = api.postRaw(path, good, "application/x-ndjson", admin);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("skipped").asInt()).isEqualTo(2);

        String bad = """
                {"externalId":"m-3","author":"C","body":"fine","submittedAt":"2026-11-02T09:30:00Z"}
                {"externalId":"m-4","author":"D","body":"","submittedAt":"yesterday"}
                not json
                """;
        var refused = api.postRaw(path, bad, "application/x-ndjson", admin);
        assertThat(refused.status()).isEqualTo(400);
        var fields = new HashMap<String, String>();
        refused.json().get("errors").forEach(e -> fields.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(fields).containsKeys("line 2: body", "line 2: submittedAt", "line 3");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asLong()).isEqualTo(2);

        String token = api.registerAndSignIn("Not Secretariat");
        assertThat(api.postRaw(path, good, "application/x-ndjson", token).status()).isEqualTo(403);
    }

    @Test
    void pagingIsValidated() {
        assertProblem(api.get("/api/v1/consultations/" + slug + "/comments?size=501"), 400, "invalid-input", "size");
        assertProblem(api.get("/api/v1/consultations/" + slug + "/comments?page=-1"), 400, "invalid-input", "page");
    }

    static void assertProblem(TestApi.Response response, int status, String type, String field) {
        TestApi.assertProblem(response, status, type, field);
    }
}
