package org.polylogue.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.polylogue.TestApi.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.drafting.AmendmentSupported;
import org.polylogue.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The position ledger through the API: recording, every refusal leaving nothing stored, events, exports. */
@PolylogueTest
class PositionApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    JsonNode consultation;
    String slug;
    String paragraphId;
    String secretariatToken;
    String repToken;
    String organization;
    String otherRepToken;
    String otherOrganization;
    String proposal;
    String comment;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        consultation = fixtures.openConsultation(admin, process);
        slug = consultation.get("slug").asString();
        paragraphId = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        String secretariat = fixtures.person("Secretariat Member");
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariat, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
        secretariatToken = api.token(secretariat, TestApi.PASSWORD);
        repToken = api.token(fixtures.person("Awa Ndiaye"), TestApi.PASSWORD);
        organization = fixtures.organization(repToken, "Sahel Digital Rights Collective " + suffix, "CIVIL_SOCIETY", "SN");
        otherRepToken = api.token(fixtures.person("Jonas Weber"), TestApi.PASSWORD);
        otherOrganization = fixtures.organization(otherRepToken, "Rheinland Cloud GmbH " + suffix, "PRIVATE_SECTOR", "DE");
        var created = api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "Programme of action",
                "description", "A permanent, action-oriented mechanism"), secretariatToken);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        proposal = created.json().get("id").asString();
        comment = fixtures.comment(repToken, slug, paragraphId, "We support this paragraph as drafted.");
    }

    private Map<String, Object> stance(Map<String, Object> actor, Map<String, Object> item, String position,
            List<Map<String, Object>> evidence) {
        var body = new HashMap<String, Object>();
        body.put("actor", actor);
        body.put("item", item);
        body.put("position", position);
        body.put("summary", "Supports a programme of action with a light secretariat.");
        body.put("evidence", evidence);
        return body;
    }

    private long stancesOf(String organizationId) {
        return jdbc.sql("select count(*) from position_stance where actor_id = :id").param("id", organizationId)
                .query(Long.class).single();
    }

    private long stances() {
        return jdbc.sql("select count(*) from position_stance").query(Long.class).single();
    }

    @Test
    void theSecretariatAndARepresentativeRecordStancesAndTheMatrixShowsTheCurrentOnes() {
        var bySecretariat = api.post("/api/v1/positions", stance(Map.of("organizationId", otherOrganization),
                Map.of("kind", "proposal", "id", proposal), "OPPOSES",
                List.of(Map.of("kind", "link", "url", "https://example.org/statement.pdf"))), secretariatToken);
        assertThat(bySecretariat.status()).as(bySecretariat.body()).isEqualTo(201);
        assertThat(bySecretariat.json().get("recordedBy").asString()).isEqualTo("secretariat");
        assertThat(bySecretariat.json().get("recordedByLabel").asString()).isEqualTo("recorded by the secretariat");

        var byOrganization = api.post("/api/v1/positions", stance(Map.of("organizationId", organization),
                Map.of("kind", "paragraph", "id", paragraphId, "consultation", slug), "SUPPORTS",
                List.of(Map.of("kind", "comment", "id", comment))), repToken);
        assertThat(byOrganization.status()).as(byOrganization.body()).isEqualTo(201);
        assertThat(byOrganization.json().get("recordedBy").asString()).isEqualTo("organization");
        assertThat(byOrganization.json().get("evidence").get(0).get("href").asString())
                .isEqualTo("/consultations/" + slug + "/comments/" + comment);

        // a later stance on the same item supersedes the first in the matrix; the history keeps both
        var changed = api.post("/api/v1/positions", stance(Map.of("organizationId", otherOrganization),
                Map.of("kind", "proposal", "id", proposal), "CONDITIONAL",
                List.of(Map.of("kind", "link", "url", "https://example.org/later.pdf"))), otherRepToken);
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);

        var matrix = api.get("/api/v1/processes/" + process + "/positions").json();
        assertThat(matrix.has("cellIndex")).isFalse();
        assertThat(matrix.get("actors").findValuesAsString("id")).containsExactlyInAnyOrder(organization,
                otherOrganization);
        assertThat(matrix.get("items").get(0).get("label").asString()).isEqualTo("Programme of action");
        assertThat(matrix.get("cells").findValuesAsString("position")).containsExactlyInAnyOrder("SUPPORTS",
                "CONDITIONAL");
        var filtered = api.get("/api/v1/processes/" + process + "/positions?group=CIVIL_SOCIETY&region=AFRICAN").json();
        assertThat(filtered.get("actors").findValuesAsString("id")).containsExactly(organization);
        assertThat(api.get("/api/v1/positions/" + bySecretariat.json().get("id").asString()).json().get("current")
                .asBoolean()).isFalse();
        var history = api.get("/api/v1/organizations/" + otherOrganization + "/positions").json();
        assertThat(history.get("items").findValuesAsString("position")).containsExactly("CONDITIONAL", "OPPOSES");

        var today = LocalDate.now(ZoneOffset.UTC);
        var changes = api.get("/api/v1/processes/" + process + "/positions/changes?from=" + today.minusDays(1) + "&to="
                + today).json();
        assertThat(changes.get("items")).hasSize(3);
        assertThat(changes.get("items").get(2).get("previous").asString()).isEqualTo("OPPOSES");
        assertProblem(api.get("/api/v1/processes/" + process + "/positions/changes?from=2026-12-01&to=2026-11-01"),
                400, "invalid-input", "from");
        assertProblem(api.get("/api/v1/processes/" + process + "/positions/changes?from=yesterday"), 400,
                "invalid-input", "from");
    }

    @Test
    void aPersonRecordsTheirOwnStanceWithAStatementOrSubmissionLink() {
        var own = api.post("/api/v1/positions", stance(Map.of("self", true), Map.of("kind", "consultation", "id", slug),
                "WANTS_AMENDMENT", List.of(Map.of("kind", "link", "url", "https://blog.example.net/my-view"))),
                otherRepToken);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("actor").get("kind").asString()).isEqualTo("person");
        assertThat(own.json().get("actor").get("name").asString()).isEqualTo("Jonas Weber");
        assertThat(own.json().get("recordedByLabel").asString()).isEqualTo("by the person");
    }

    @Test
    void recordingForAnotherOrganisationIsRefusedAndNothingIsStored() {
        long before = stances();
        var body = stance(Map.of("organizationId", organization), Map.of("kind", "proposal", "id", proposal),
                "OPPOSES", List.of(Map.of("kind", "link", "url", "https://example.org/fake")));
        assertProblem(api.post("/api/v1/positions", body, otherRepToken), 403, "not-representative", null);
        assertThat(api.post("/api/v1/positions", body, null).status()).isEqualTo(401);
        String unconfirmed = api.token(fixtures.unconfirmedPerson("Not Yet"), TestApi.PASSWORD);
        assertProblem(api.post("/api/v1/positions", stance(Map.of("self", true), Map.of("kind", "proposal", "id",
                proposal), "OPPOSES", List.of(Map.of("kind", "link", "url", "https://example.org/x"))), unconfirmed),
                403, "email-not-confirmed", null);
        assertThat(stances()).isEqualTo(before);
    }

    @Test
    void aStanceWithoutEvidenceOrWithBadEvidenceIsRefused() {
        long before = stances();
        Map<String, Object> actor = Map.of("organizationId", organization);
        Map<String, Object> item = Map.of("kind", "proposal", "id", proposal);
        assertProblem(api.post("/api/v1/positions", stance(actor, item, "SUPPORTS", List.of()), repToken), 422,
                "evidence-required", "evidence");
        var noEvidence = stance(actor, item, "SUPPORTS", List.of());
        noEvidence.remove("evidence");
        assertProblem(api.post("/api/v1/positions", noEvidence, repToken), 422, "evidence-required", "evidence");
        for (String url : List.of("http://example.org/plain", "javascript:alert(1)", "https://", "data:text/html,x",
                "https://user:pw@example.org/", "ftp://example.org/x", "//example.org/x")) {
            assertProblem(api.post("/api/v1/positions", stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "link",
                    "url", url))), repToken), 400, "invalid-input", "evidence[0].url");
        }
        assertProblem(api.post("/api/v1/positions", stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "comment",
                "id", "nosuchcomment000"))), repToken), 400, "invalid-input", "evidence[0].id");
        assertProblem(api.post("/api/v1/positions", stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "rumour",
                "id", "x"))), repToken), 400, "invalid-input", "evidence[0].kind");
        assertProblem(api.post("/api/v1/positions", stance(actor, item, "LOVES", List.of(Map.of("kind", "comment",
                "id", comment))), repToken), 400, "invalid-input", "position");
        var tooLong = stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment)));
        tooLong.put("summary", "x".repeat(501));
        assertProblem(api.post("/api/v1/positions", tooLong, repToken), 400, "invalid-input", "summary");
        var future = stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment)));
        future.put("date", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        assertProblem(api.post("/api/v1/positions", future, repToken), 400, "invalid-input", "date");
        assertProblem(api.post("/api/v1/positions", stance(actor, Map.of("kind", "paragraph", "id", paragraphId),
                "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment))), repToken), 400, "invalid-input",
                "item.consultation");
        assertProblem(api.post("/api/v1/positions", stance(actor, Map.of("kind", "paragraph", "id", "nope",
                "consultation", slug), "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment))), repToken), 400,
                "invalid-input", "item.id");
        assertProblem(api.post("/api/v1/positions", stance(Map.of("organizationId", organization, "self", true), item,
                "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment))), repToken), 400, "invalid-input", "actor");
        // a comment of another process is no evidence here
        String otherProcess = fixtures.process(admin);
        String otherSlug = fixtures.openConsultation(admin, otherProcess).get("slug").asString();
        String elsewhere = fixtures.comment(repToken, otherSlug, null, "Said elsewhere");
        assertProblem(api.post("/api/v1/positions", stance(actor, item, "SUPPORTS", List.of(Map.of("kind", "comment",
                "id", elsewhere))), repToken), 400, "invalid-input", "evidence[0].id");
        assertThat(stances()).isEqualTo(before);
    }

    @Test
    void namedProposalsAreForTheSecretariat() {
        assertProblem(api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "Another"), repToken),
                403, "not-secretariat", null);
        assertProblem(api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "programme OF action"),
                secretariatToken), 409, "proposal-name-taken", "name");
        assertProblem(api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", " "), secretariatToken),
                400, "invalid-input", "name");
        var renamed = api.patch("/api/v1/proposals/" + proposal, Map.of("name", "Programme of Action (PoA)"),
                secretariatToken);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertProblem(api.patch("/api/v1/proposals/" + proposal, Map.of("name", "Hijacked"), repToken), 403,
                "not-secretariat", null);
        assertThat(api.get("/api/v1/proposals/" + proposal).json().get("name").asString())
                .isEqualTo("Programme of Action (PoA)");
        assertThat(api.post("/api/v1/positions", stance(Map.of("organizationId", organization), Map.of("kind",
                "proposal", "id", proposal), "SUPPORTS", List.of(Map.of("kind", "comment", "id", comment))), repToken)
                .status()).isEqualTo(201);
        assertProblem(api.send("DELETE", "/api/v1/proposals/" + proposal, null, secretariatToken, "application/json",
                Map.of()), 409, "proposal-has-stances", null);
        String spare = api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "Spare"),
                secretariatToken).json().get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/proposals/" + spare, null, repToken, "application/json", Map.of())
                .status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/proposals/" + spare, null, secretariatToken, "application/json",
                Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/processes/" + process + "/proposals").json().findValuesAsString("id"))
                .containsExactly(proposal);
    }

    @Test
    void coSigningAStatementLinkedToAParagraphRecordsSupportAndWithdrawingKeepsTheHistory() {
        fixtures.verifyOrganization(admin, organization);
        fixtures.verifyOrganization(admin, otherOrganization);
        var statement = api.post("/api/v1/statements", Map.of("title", "Protect CERTs", "body", "We ask States.",
                "organizationId", organization, "consultationSlug", slug, "paragraphId", paragraphId), repToken);
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
        String id = statement.json().get("id").asString();
        assertThat(api.post("/api/v1/statements/" + id + "/signing", Map.of(), repToken).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", otherOrganization),
                otherRepToken).status()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + otherOrganization, null,
                otherRepToken, "application/json", Map.of()).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stancesOf(otherOrganization) + stancesOf(organization)).isEqualTo(3));
        var history = api.get("/api/v1/organizations/" + otherOrganization + "/positions").json().get("items");
        assertThat(history.findValuesAsString("position")).containsExactly("NEUTRAL", "SUPPORTS");
        assertThat(history.get(0).get("recordedByLabel").asString()).isEqualTo("automatically from a co-signature");
        assertThat(history.get(1).get("evidence").get(0).get("href").asString()).isEqualTo("/statements/" + id);
        assertThat(history.get(1).get("item").get("id").asString()).isEqualTo(paragraphId);
        assertThat(history.get(1).get("current").asBoolean()).isFalse();
        var matrix = api.get("/api/v1/processes/" + process + "/positions").json();
        assertThat(matrix.get("cells").findValuesAsString("position")).containsExactlyInAnyOrder("SUPPORTS", "NEUTRAL");
    }

    @Test
    void supportForAnAmendmentIsRecordedOnceEvenWhenTheEventComesTwice() {
        String amendment = Ids.next();
        Instant at = Instant.now();
        var event = new AmendmentSupported(amendment, consultation.get("id").asString(), paragraphId, organization,
                true, at);
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stancesOf(organization)).isEqualTo(1));
        var matrix = api.get("/api/v1/processes/" + process + "/positions").json();
        // amendments are listed apart from the matrix's columns, with their supporters
        assertThat(matrix.get("cells")).isEmpty();
        var cell = matrix.get("amendments").get(0).get("stances").get(0);
        assertThat(cell.get("item").get("kind").asString()).isEqualTo("amendment");
        assertThat(cell.get("position").asString()).isEqualTo("SUPPORTS");
        assertThat(cell.get("recordedByLabel").asString()).isEqualTo("automatically from support for an amendment");
        assertThat(cell.get("evidence").get(0).get("kind").asString()).isEqualTo("amendment");
        transactions.executeWithoutResult(status -> events.publishEvent(new AmendmentSupported(amendment,
                consultation.get("id").asString(), paragraphId, organization, false, at.plusSeconds(5))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stancesOf(organization)).isEqualTo(2));
        assertThat(api.get("/api/v1/processes/" + process + "/positions").json().get("amendments").get(0)
                .get("stances").findValuesAsString("position")).containsExactly("NEUTRAL");
    }

    @Test
    void theCsvAndJsonExportsReadBackAsTheLedger() throws Exception {
        for (String position : List.of("SUPPORTS", "OPPOSES")) {
            var body = stance(Map.of("organizationId", organization), Map.of("kind", "proposal", "id", proposal),
                    position, List.of(Map.of("kind", "comment", "id", comment), Map.of("kind", "link", "url",
                            "https://example.org/a,b?q=1&r=2")));
            body.put("summary", "=SUM(A1) \"quoted\", with a comma\nand a new line");
            assertThat(api.post("/api/v1/positions", body, repToken).status()).isEqualTo(201);
        }
        var csv = api.get("/processes/" + process + "/positions.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.body())) {
            it.forEachRemaining(rows::add);
        }
        var stored = jdbc.sql("select id, actor_id, item_id, position, summary from position_stance"
                + " where process_id = (select process_id from position_proposal where id = :proposal)"
                + " order by stated_on, recorded_at, id").param("proposal", proposal).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
        assertThat(rows).hasSize(stored.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            assertThat(List.of(row.get("stance_id"), row.get("actor_id"), row.get("item_id"), row.get("position"),
                    row.get("summary").substring(1))).isEqualTo(stored.get(i));
            assertThat(row.get("summary")).startsWith("'=");
            assertThat(row.get("evidence")).isEqualTo("comment:" + comment + " ; link:https://example.org/a,b?q=1&r=2");
            assertThat(row.get("current")).isEqualTo(i == rows.size() - 1 ? "true" : "false");
        }
        var json = api.get("/processes/" + process + "/positions.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().findValuesAsString("id").stream().filter(stored.stream().map(s -> s.get(0)).toList()
                ::contains).toList()).containsExactlyElementsOf(stored.stream().map(s -> s.get(0)).toList());
        assertThat(json.json().get(0).get("summary").asString()).isEqualTo(stored.get(0).get(4));
    }
}
