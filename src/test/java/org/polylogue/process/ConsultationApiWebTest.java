package org.polylogue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

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

@PolylogueTest
class ConsultationApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    OffsetDateTime now;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void theSecretariatOpensAConsultationOnAMarkdownDraft() {
        var created = api.post(path(), request("zero-draft", now.minusHours(1), now.plusDays(30), Fixtures.DRAFT), admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/consultations/zero-draft");
        var json = created.json();
        assertThat(json.get("slug").asString()).isEqualTo("zero-draft");
        assertThat(json.get("status").asString()).isEqualTo("OPEN");
        assertThat(json.get("process").get("slug").asString()).isEqualTo(process);
        assertThat(json.get("document").get("version").asInt()).isEqualTo(1);
        var paragraphs = json.get("document").get("paragraphs");
        assertThat(paragraphs).hasSize(5);
        for (int i = 0; i < paragraphs.size(); i++) {
            assertThat(paragraphs.get(i).get("number").asInt()).isEqualTo(i + 1);
            assertThat(paragraphs.get(i).get("id").asString()).hasSize(16);
        }
        assertThat(paragraphs.get(0).get("section").asString()).isEqualTo("Introduction");

        var read = api.get("/api/v1/consultations/zero-draft");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("document").get("paragraphs").get(4).get("id").asString())
                .isEqualTo(paragraphs.get(4).get("id").asString());
        assertThat(OffsetDateTime.parse(read.json().get("opensAt").asString()).toInstant())
                .isEqualTo(now.minusHours(1).toInstant());
    }

    @Test
    void aConsultationWhoseWindowLiesAheadIsUpcoming() {
        var created = api.post(path(), request("later", now.plusDays(2), now.plusDays(30), Fixtures.DRAFT), admin);
        assertThat(created.json().get("status").asString()).isEqualTo("UPCOMING");
        String token = api.registerAndSignIn("Early Bird");
        var refused = api.post("/api/v1/consultations/later/comments", Map.of("body", "Too early?"), token);
        assertProblem(refused, 409, "consultation-closed", null);
    }

    @Test
    void malformedMarkdownIsRefusedWithItsLine() {
        var refused = api.post(path(), request("broken", now, now.plusDays(1), """
                # Draft

                Paragraph.

                <table><tr><td>pasted</td></tr></table>
                """), admin);
        assertProblem(refused, 400, "invalid-input", "document.text");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).startsWith("line 5:");
        assertProblem(api.post(path(), request("empty", now, now.plusDays(1), "# Only a heading"), admin), 400,
                "invalid-input", "document.text");
        var html = request("html", now, now.plusDays(1), "Text");
        html.put("document", Map.of("format", "html", "text", "<p>Text</p>"));
        assertProblem(api.post(path(), html, admin), 400, "invalid-input", "document.format");
        assertThat(api.get("/api/v1/consultations/broken").status()).isEqualTo(404);
    }

    @Test
    void theWindowMustCloseAfterItOpens() {
        assertProblem(api.post(path(), request("inverted", now, now.minusDays(1), Fixtures.DRAFT), admin), 400,
                "invalid-input", "closesAt");
        assertProblem(api.post(path(), request("empty-window", now, now, Fixtures.DRAFT), admin), 400, "invalid-input",
                "closesAt");
        var missing = request("no-dates", now, now, Fixtures.DRAFT);
        missing.remove("opensAt");
        missing.remove("closesAt");
        var refused = api.post(path(), missing, admin);
        assertProblem(refused, 400, "invalid-input", "opensAt");
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("closesAt");
    }

    @Test
    void consultationSlugsAreUniqueAndWellFormed() {
        assertThat(api.post(path(), request("once", now, now.plusDays(1), Fixtures.DRAFT), admin).status()).isEqualTo(201);
        assertProblem(api.post(path(), request("once", now, now.plusDays(1), Fixtures.DRAFT), admin), 409,
                "duplicate-slug", "slug");
        assertProblem(api.post(path(), request("Not A Slug", now, now.plusDays(1), Fixtures.DRAFT), admin), 400,
                "invalid-input", "slug");
    }

    @Test
    void onlyTheSecretariatOpensConsultations() {
        String person = api.registerAndSignIn("Not Secretariat");
        assertProblem(api.post(path(), request("mine", now, now.plusDays(1), Fixtures.DRAFT), person), 403,
                "not-secretariat", null);
        assertProblem(api.post(path(), request("mine", now, now.plusDays(1), Fixtures.DRAFT), null), 401,
                "unauthenticated", null);
        assertProblem(api.post("/api/v1/processes/no-such-process/consultations",
                request("mine", now, now.plusDays(1), Fixtures.DRAFT), admin), 404, "process-not-found", null);
        assertThat(api.get("/api/v1/consultations/mine").status()).isEqualTo(404);
    }

    @Test
    void theSecretariatMovesTheWindowAndTheStatusFollows() {
        api.post(path(), request("movable", now.minusDays(1), now.plusDays(1), Fixtures.DRAFT), admin);
        var closed = api.patch("/api/v1/consultations/movable", Map.of("closesAt", now.minusMinutes(1).toString()), admin);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("document").get("paragraphs")).hasSize(5);
        assertThat(OffsetDateTime.parse(closed.json().get("opensAt").asString()).toInstant())
                .as("a bound not sent keeps its value").isEqualTo(now.minusDays(1).toInstant());

        var reopened = api.patch("/api/v1/consultations/movable", Map.of("closesAt", now.plusDays(3).toString()), admin);
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        var upcoming = api.patch("/api/v1/consultations/movable", Map.of("opensAt", now.plusDays(1).toString()), admin);
        assertThat(upcoming.json().get("status").asString()).isEqualTo("UPCOMING");
        assertThat(api.get("/api/v1/consultations/movable").json().get("status").asString()).isEqualTo("UPCOMING");

        assertProblem(api.patch("/api/v1/consultations/movable", Map.of("opensAt", now.plusDays(5).toString()), admin),
                400, "invalid-input", "closesAt");
        assertProblem(api.patch("/api/v1/consultations/nope", Map.of("opensAt", now.toString()), admin), 404,
                "consultation-not-found", null);
        assertProblem(api.patch("/api/v1/consultations/movable", Map.of("opensAt", "tomorrow"), admin), 400,
                "invalid-input", "opensAt");
        assertProblem(api.patch("/api/v1/consultations/movable", Map.of("opensAt", now.toString()), null), 401,
                "unauthenticated", null);
        assertProblem(api.patch("/api/v1/consultations/movable", Map.of("opensAt", now.toString()),
                api.registerAndSignIn("Outsider")), 403, "not-secretariat", null);
    }

    @Test
    void anUnknownConsultationIsNotFound() {
        assertProblem(api.get("/api/v1/consultations/no-such-consultation"), 404, "consultation-not-found", null);
        assertProblem(api.get("/api/v1/consultations/no-such-consultation/comments"), 404, "consultation-not-found",
                null);
    }

    private String path() {
        return "/api/v1/processes/" + process + "/consultations";
    }

    private static Map<String, Object> request(String slug, OffsetDateTime opensAt, OffsetDateTime closesAt,
            String text) {
        var request = new HashMap<String, Object>();
        request.put("slug", slug);
        request.put("title", "Consultation " + slug);
        request.put("opensAt", opensAt.toString());
        request.put("closesAt", closesAt.toString());
        request.put("document", Map.of("format", "markdown", "text", text));
        return request;
    }
}
