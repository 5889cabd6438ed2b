package org.polylogue.amendment;

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
import org.polylogue.drafting.AmendmentSupported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Amendments through the API: the story from proposal to trail, and every refusal leaving everything as it was. */
@PolylogueTest
@RecordApplicationEvents
class AmendmentApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Amendments amendments;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    JsonNode consultation;
    String proposerEmail;
    String proposerToken;
    String civilSociety;
    String supporterToken;
    String supporterEmail;
    String academia;
    String companyToken;
    String company;
    String secretariatToken;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        consultation = fixtures.openConsultation(admin, process);
        proposerEmail = fixtures.person("Awa Ndiaye");
        proposerToken = api.token(proposerEmail, TestApi.PASSWORD);
        civilSociety = fixtures.organization(proposerToken, "Digital Rights Collective " + Math.random(),
                "CIVIL_SOCIETY", "SN");
        supporterEmail = fixtures.person("Prof. Tanaka");
        supporterToken = api.token(supporterEmail, TestApi.PASSWORD);
        academia = fixtures.organization(supporterToken, "Institute of Cyber Law " + Math.random(), "ACADEMIA", "JP");
        companyToken = api.registerAndSignIn("Company Lawyer");
        company = fixtures.organization(companyToken, "Cloud Ltd " + Math.random(), "PRIVATE_SECTOR", "DE");
        String secretariatEmail = fixtures.person("Secretariat Officer");
        secretariatToken = api.token(secretariatEmail, TestApi.PASSWORD);
        var appointed = api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin);
        assertThat(appointed.status()).as(appointed.body()).isIn(200, 201);
    }

    @Test
    void anAmendmentIsProposedSupportedCountedDisposedPublishedMailedAndTrailed() {
        String paragraph = paragraphId(2);
        String commentId = fixtures.comment(proposerToken, slug(), paragraph, "Please name the infrastructure.");
        var proposed = api.post(amendments(), Map.of("paragraphId", paragraph, "kind", "REPLACE", "text",
                "States should not conduct or knowingly support ICT activity that damages critical infrastructure.",
                "rationale", "Align with the 2015 report.", "organizationId", civilSociety), proposerToken);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        assertThat(proposed.json().get("madeOnVersion").asInt()).isEqualTo(1);
        assertThat(proposed.json().get("organization").get("id").asString()).isEqualTo(civilSociety);
        assertThat(proposed.json().get("author").asString()).isEqualTo("Awa Ndiaye");
        var redline = proposed.json().get("redline");
        assertThat(redline.findValuesAsString("type")).contains("SAME", "INSERTED");
        assertThat(redline.toString()).contains("ICT");

        var supported = api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", academia),
                supporterToken);
        assertThat(supported.status()).as(supported.body()).isEqualTo(201);
        var companySupport = api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", company),
                companyToken);
        assertThat(companySupport.status()).as(companySupport.body()).isEqualTo(201);
        var withdrawn = api.send("DELETE", "/api/v1/amendments/" + id + "/supports/" + company, null, companyToken,
                null, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        var read = api.get("/api/v1/amendments/" + id);
        assertThat(read.status()).isEqualTo(200);
        var supports = read.json().get("supports");
        assertThat(supports.get("total").asInt()).isEqualTo(1);
        assertThat(supports.get("byStakeholderGroup").get("ACADEMIA").asInt()).isEqualTo(1);
        assertThat(supports.get("byRegionalGroup").get("ASIA_PACIFIC").asInt()).isEqualTo(1);
        assertThat(api.get(amendments() + "?paragraphId=" + paragraph).json().get("total").asInt()).isEqualTo(1);
        assertThat(api.get(amendments() + "?paragraphId=" + paragraphId(0)).json().get("total").asInt()).isZero();

        var disposed = api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "ACCEPTED",
                "reason", "Consensus in the room."), secretariatToken);
        assertThat(disposed.status()).as(disposed.body()).isEqualTo(200);
        assertThat(disposed.json().get("disposition").get("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get("/api/v1/amendments/" + id).json().get("disposition").isNull())
                .as("a draft disposition is not public").isTrue();
        var answered = api.post("/api/v1/consultations/" + slug() + "/comments/" + commentId + "/response",
                Map.of("response", "NOT_TAKEN", "reason", "Out of scope."), secretariatToken);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(trail().toString()).doesNotContain("Out of scope").doesNotContain("Consensus in the room");

        var published = api.post("/api/v1/consultations/" + slug() + "/dispositions/publication", Map.of(),
                secretariatToken);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("count").asInt()).isEqualTo(2);
        String mail = fixtures.lastMailTo(proposerEmail);
        assertThat(mail).contains("Accepted", "Consensus in the room.", "Not taken into account", "Out of scope.",
                "/amendments/" + id, "/comments/" + commentId, "/trail");
        assertThat(mailsTo(proposerEmail, "What became of your input")).as("one mail per person").isEqualTo(1);
        assertProblem(api.post("/api/v1/consultations/" + slug() + "/dispositions/publication", Map.of(),
                secretariatToken), 409, "nothing-to-publish", null);

        var trail = trail();
        assertThat(trail.size()).isEqualTo(2);
        JsonNode amendmentEntry = entry(trail, id);
        assertThat(amendmentEntry.get("kind").asString()).isEqualTo("amendment");
        assertThat(amendmentEntry.get("madeOnVersion").asInt()).isEqualTo(1);
        assertThat(amendmentEntry.get("paragraphNumber").asInt()).isEqualTo(3);
        assertThat(amendmentEntry.get("disposition").get("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(amendmentEntry.get("outcome").asString()).isEqualTo("NOT_YET_IN_NEW_VERSION");
        assertThat(amendmentEntry.get("organization").get("id").asString()).isEqualTo(civilSociety);
        JsonNode commentEntry = entry(trail, commentId);
        assertThat(commentEntry.get("disposition").get("reason").asString()).isEqualTo("Out of scope.");
        assertProblem(api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", company),
                companyToken), 409, "amendment-disposed", null);
    }

    @Test
    void supportingAndWithdrawingPublishTheStanceEvents(ApplicationEvents events) {
        String id = propose(Map.of("paragraphId", paragraphId(1), "kind", "DELETE", "rationale", "Redundant.",
                "organizationId", civilSociety), proposerToken).json().get("id").asString();
        // through the facade, so that the events are published on the test's thread where they are recorded
        var supporter = actor(supporterEmail);
        amendments.support(id, academia, supporter).orThrow();
        amendments.withdrawSupport(id, academia, supporter).orThrow();
        assertThat(events.stream(AmendmentSupported.class).filter(e -> e.amendmentId().equals(id)))
                .extracting(AmendmentSupported::organizationId, AmendmentSupported::supported,
                        AmendmentSupported::paragraphId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(academia, true, paragraphId(1)),
                        org.assertj.core.groups.Tuple.tuple(academia, false, paragraphId(1)));
    }

    private org.polylogue.shared.security.Actor actor(String email) {
        var account = accounts.findByEmail(email).orElseThrow();
        return new org.polylogue.shared.security.Actor(account.id(), account.displayName(), false);
    }

    @Test
    void insertAndDeleteAreRedlinedAndMergedIntoPointsWithinTheConsultation() {
        var insert = propose(Map.of("paragraphId", paragraphId(0), "kind", "INSERT_AFTER", "text", "A new paragraph.",
                "rationale", "Missing."), proposerToken);
        assertThat(insert.status()).as(insert.body()).isEqualTo(201);
        assertThat(insert.json().get("redline").get(1).get("type").asString()).isEqualTo("INSERTED");
        var delete = propose(Map.of("paragraphId", paragraphId(1), "kind", "DELETE", "rationale", "Redundant."),
                proposerToken);
        assertThat(delete.status()).as(delete.body()).isEqualTo(201);
        assertThat(delete.json().get("redline").get(0).get("type").asString()).isEqualTo("DELETED");
        var merged = api.post("/api/v1/amendments/" + delete.json().get("id").asString() + "/disposition",
                Map.of("decision", "MERGED", "reason", "Same idea.", "mergedInto", insert.json().get("id").asString()),
                secretariatToken);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("disposition").get("mergedInto").asString())
                .isEqualTo(insert.json().get("id").asString());
    }

    @Test
    void theTrailFollowsEachParagraphIntoTheNextVersionByItsStableId() {
        String replaced = paragraphId(2);
        String insertedAfter = paragraphId(0);
        String removed = paragraphId(4);
        String unchanged = paragraphId(1);
        String replace = propose(Map.of("paragraphId", replaced, "kind", "REPLACE", "text", "Changed text.",
                "rationale", "Why"), proposerToken).json().get("id").asString();
        String insert = propose(Map.of("paragraphId", insertedAfter, "kind", "INSERT_AFTER", "text", "Inserted.",
                "rationale", "Why"), proposerToken).json().get("id").asString();
        String comment = fixtures.comment(proposerToken, slug(), removed, "Remove this.");
        String untouched = fixtures.comment(proposerToken, slug(), unchanged, "Keep this.");
        for (String id : new String[] {replace, insert}) {
            assertThat(api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "ACCEPTED"),
                    secretariatToken).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/consultations/" + slug() + "/comments/" + untouched + "/response",
                Map.of("response", "NO_CHANGE", "reason", "Already clear."), secretariatToken).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/consultations/" + slug() + "/dispositions/publication", Map.of(),
                secretariatToken).status()).isEqualTo(200);
        // version 2, as the versions work would store it: same stable ids, one changed, one new, one removed
        String documentId = jdbc.queryForObject("select document_id from process_consultation where slug = ?",
                String.class, slug());
        String versionId = java.util.UUID.randomUUID().toString();
        String newParagraph = java.util.UUID.randomUUID().toString();
        jdbc.update("insert into drafting_version (id, document_id, number, source_format, source_text, created_at)"
                + " values (?, ?, 2, 'markdown', 'x', now())", versionId, documentId);
        jdbc.update("insert into drafting_paragraph (id, document_id) values (?, ?)", newParagraph, documentId);
        jdbc.update("""
                insert into drafting_block (version_id, position, kind, level, paragraph_id, number, text)
                select ?, b.position * 2, b.kind, b.level, b.paragraph_id, b.number,
                    case when b.paragraph_id = ? then 'Changed text.' else b.text end
                from drafting_block b join drafting_version v on v.id = b.version_id
                where v.document_id = ? and v.number = 1 and (b.paragraph_id is null or b.paragraph_id <> ?)""",
                versionId, replaced, documentId, removed);
        int after = jdbc.queryForObject("""
                select b.position * 2 + 1 from drafting_block b join drafting_version v on v.id = b.version_id
                where v.document_id = ? and v.number = 1 and b.paragraph_id = ?""", Integer.class, documentId,
                insertedAfter);
        jdbc.update("insert into drafting_block (version_id, position, kind, level, paragraph_id, number, text)"
                + " values (?, ?, 'PARAGRAPH', 0, ?, 9, 'Inserted.')", versionId, after, newParagraph);

        var trail = trail();
        assertThat(entry(trail, replace).get("outcome").asString()).isEqualTo("CHANGED");
        assertThat(entry(trail, replace).get("nextVersion").asInt()).isEqualTo(2);
        assertThat(entry(trail, replace).get("nextPath").asString()).endsWith("/versions/2#p-" + replaced);
        assertThat(entry(trail, insert).get("outcome").asString()).isEqualTo("CHANGED");
        assertThat(entry(trail, insert).get("nextPath").asString()).endsWith("#p-" + newParagraph);
        assertThat(entry(trail, comment).get("outcome").asString()).isEqualTo("REMOVED");
        assertThat(entry(trail, untouched).get("outcome").asString()).isEqualTo("NO_CHANGE");
        assertThat(entry(trail, untouched).get("disposition").get("reason").asString()).isEqualTo("Already clear.");
        assertThat(amendments.acceptedLinks(documentId, 2)).containsEntry(replaced, java.util.List.of(replace))
                .containsEntry(newParagraph, java.util.List.of(insert)).hasSize(2);
    }

    @Test
    void aHiddenAmendmentShowsTheNoticeInPlaceOfItsTextsAndTakesNoSupport() {
        String id = propose(Map.of("paragraphId", paragraphId(3), "kind", "REPLACE", "text", "Spam spam spam.",
                "rationale", "Buy now."), proposerToken).json().get("id").asString();
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules", Map.of("title", "No advertising",
                "description", "Advertising is removed."), secretariatToken);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/moderation/amendment/" + id + "/hide", Map.of("ruleId",
                rule.json().get("id").asString(), "reason", "Advertising."), secretariatToken);
        assertThat(hidden.status()).as(hidden.body()).isIn(200, 201);
        var read = api.get("/api/v1/amendments/" + id).json();
        assertThat(read.get("hidden")).as(read.toString() + " / " + hidden.body()).isNotNull();
        assertThat(read.get("hidden").get("reason").asString()).isEqualTo("Advertising.");
        assertThat(read.get("text").isNull()).isTrue();
        assertThat(read.toString()).doesNotContain("Spam spam").doesNotContain("Buy now");
        assertThat(trail().toString()).doesNotContain("Spam spam").contains("Advertising.");
        assertThat(new org.polylogue.TestBrowser(port).get("/consultations/" + slug() + "/amendments/" + id).body())
                .contains("Advertising.").doesNotContain("Spam spam");
        assertProblem(api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", academia),
                supporterToken), 409, "amendment-hidden", null);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        String paragraph = paragraphId(0);
        long before = count("amendment");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "REPLACE", "rationale", "Why"), proposerToken),
                400, "invalid-input", "text");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "REPLACE", "text", "New"), proposerToken),
                400, "invalid-input", "rationale");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "REWRITE", "text", "New", "rationale", "Why"),
                proposerToken), 400, "invalid-input", "kind");
        assertProblem(propose(Map.of("paragraphId", "no-such-paragraph", "kind", "DELETE", "rationale", "Why"),
                proposerToken), 400, "invalid-input", "paragraphId");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale", "Why", "organizationId",
                academia), proposerToken), 403, "not-representative", "organizationId");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale", "Why"), null), 401,
                "unauthenticated", null);
        String unconfirmed = fixtures.unconfirmedPerson("Not Yet");
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale", "Why"),
                api.token(unconfirmed, TestApi.PASSWORD)), 403, "email-not-confirmed", null);
        assertThat(count("amendment")).isEqualTo(before);

        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var closed = fixtures.consultation(admin, process, now.minusDays(10), now.minusDays(1), Fixtures.DRAFT);
        String closedSlug = closed.get("slug").asString();
        String closedParagraph = closed.get("document").get("paragraphs").get(0).get("id").asString();
        assertProblem(api.post("/api/v1/consultations/" + closedSlug + "/amendments", Map.of("paragraphId",
                closedParagraph, "kind", "DELETE", "rationale", "Why"), proposerToken), 409, "consultation-closed", null);
        assertThat(count("amendment")).isEqualTo(before);

        String id = propose(Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale", "Why", "organizationId",
                civilSociety), proposerToken).json().get("id").asString();
        assertProblem(api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", civilSociety),
                proposerToken), 409, "own-amendment", "organizationId");
        assertProblem(api.post("/api/v1/amendments/" + id + "/supports", Map.of("organizationId", academia),
                companyToken), 403, "not-representative", "organizationId");
        assertThat(api.get("/api/v1/amendments/" + id).json().get("supports").get("total").asInt()).isZero();

        for (String token : new String[] {proposerToken, supporterToken, companyToken}) {
            assertProblem(api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "REJECTED",
                    "reason", "No."), token), 403, "not-secretariat", null);
            assertProblem(api.post("/api/v1/consultations/" + slug() + "/dispositions/publication", Map.of(), token),
                    403, "not-secretariat", null);
        }
        assertProblem(api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "REJECTED"),
                secretariatToken), 400, "invalid-input", "reason");
        var other = fixtures.openConsultation(admin, process);
        String otherId = api.post("/api/v1/consultations/" + other.get("slug").asString() + "/amendments",
                Map.of("paragraphId", other.get("document").get("paragraphs").get(0).get("id").asString(), "kind",
                        "DELETE", "rationale", "Elsewhere"), proposerToken).json().get("id").asString();
        assertProblem(api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "MERGED", "reason",
                "Same", "mergedInto", otherId), secretariatToken), 400, "invalid-input", "mergedInto");
        assertProblem(api.post("/api/v1/amendments/" + id + "/disposition", Map.of("decision", "MERGED", "reason",
                "Same", "mergedInto", id), secretariatToken), 400, "invalid-input", "mergedInto");
        assertThat(jdbc.queryForObject("select count(*) from amendment_disposition where input_id = ?", Long.class, id))
                .isZero();
        assertProblem(api.get("/api/v1/amendments/nope"), 404, "amendment-not-found", null);
    }

    @Test
    void anAmendmentOnAParagraphRemovedFromTheCurrentVersionIsRefused() {
        String documentId = jdbc.queryForObject("select document_id from process_consultation where slug = ?",
                String.class, slug());
        String paragraph = paragraphId(4);
        long before = count("amendment");
        // a second version without the last paragraph (the versions work uploads these through its own API)
        String versionId = java.util.UUID.randomUUID().toString();
        jdbc.update("insert into drafting_version (id, document_id, number, source_format, source_text, created_at)"
                + " values (?, ?, 2, 'markdown', 'x', now())", versionId, documentId);
        jdbc.update("""
                insert into drafting_block (version_id, position, kind, level, paragraph_id, number, text)
                select ?, b.position, b.kind, b.level, b.paragraph_id, b.number, b.text from drafting_block b
                join drafting_version v on v.id = b.version_id
                where v.document_id = ? and v.number = 1 and (b.paragraph_id is null or b.paragraph_id <> ?)""",
                versionId, documentId, paragraph);
        assertProblem(propose(Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale", "Why"), proposerToken),
                409, "paragraph-not-current", "paragraphId");
        assertThat(count("amendment")).isEqualTo(before);
    }

    private JsonNode entry(JsonNode trail, String id) {
        for (JsonNode entry : trail) {
            if (entry.get("id").asString().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no trail entry " + id + " in " + trail);
    }

    private JsonNode trail() {
        var trail = api.get("/api/v1/consultations/" + slug() + "/trail");
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        return trail.json();
    }

    private long mailsTo(String email, String subject) {
        long n = 0;
        for (JsonNode mail : api.get("/api/v1/dev/mailbox?size=500").json().get("items")) {
            if (mail.get("to").asString().equals(email) && mail.get("subject").asString().startsWith(subject)) {
                n++;
            }
        }
        return n;
    }

    private TestApi.Response propose(Map<String, String> body, String token) {
        return api.post(amendments(), new HashMap<>(body), token);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private String amendments() {
        return "/api/v1/consultations/" + slug() + "/amendments";
    }

    private String slug() {
        return consultation.get("slug").asString();
    }

    private String paragraphId(int index) {
        return consultation.get("document").get("paragraphs").get(index).get("id").asString();
    }
}
