package org.polylogue.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.ModeratedKind;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Joint statements through the API: the story, every rule, every refusal leaving everything as it was. */
@PolylogueTest
@RecordApplicationEvents
class StatementApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.util.List<ModeratedKind> moderatedKinds;

    @Autowired
    JointStatements statements;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    JsonNode consultation;
    String leadToken;
    String lead;
    String academiaToken;
    String academia;
    String companyToken;
    String company;
    String outsiderToken;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        consultation = fixtures.openConsultation(admin, process);
        leadToken = api.registerAndSignIn("Awa Ndiaye");
        lead = fixtures.organization(leadToken, "Digital Rights Collective " + Math.random(), "CIVIL_SOCIETY", "SN");
        fixtures.verifyOrganization(admin, lead);
        academiaToken = api.registerAndSignIn("Prof. Tanaka");
        academia = fixtures.organization(academiaToken, "Institute of Cyber Law " + Math.random(), "ACADEMIA", "JP");
        fixtures.verifyOrganization(admin, academia);
        companyToken = api.registerAndSignIn("Company Lawyer");
        company = fixtures.organization(companyToken, "Unverified Cloud Ltd " + Math.random(), "PRIVATE_SECTOR", "DE");
        outsiderToken = api.registerAndSignIn("Someone Else");
    }

    @Test
    void aStatementIsDraftedOpenedSignedWithdrawnSignedAgainAndClosed() {
        String paragraph = paragraphId(0);
        var drafted = api.post("/api/v1/statements", Map.of("title", "Protect CERTs", "body", "We *support* it.",
                "organizationId", lead, "consultationSlug", slug(), "paragraphId", paragraph), leadToken);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        assertThat(drafted.header("Location")).endsWith("/api/v1/statements/" + id);
        assertThat(drafted.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.json().get("bodyHtml").asString()).contains("<em>support</em>");
        assertThat(drafted.json().get("link").get("processSlug").asString()).isEqualTo(process);
        assertThat(drafted.json().get("link").get("paragraphNumber").asInt()).isEqualTo(1);
        assertThat(drafted.json().get("signatures")).isEmpty();

        // a draft is the lead's: others do not see it
        assertThat(api.get("/api/v1/statements/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/statements/" + id, outsiderToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/statements/" + id, leadToken).status()).isEqualTo(200);
        long published = api.get("/api/v1/statements").json().get("total").asLong();

        var edited = api.patch("/api/v1/statements/" + id, Map.of("body", "We support **it** fully."), leadToken);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Protect CERTs");
        assertThat(edited.json().get("body").asString()).isEqualTo("We support **it** fully.");

        var invited = api.post("/api/v1/statements/" + id + "/invitations", Map.of("organizationId", academia), leadToken);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("state").asString()).isEqualTo("invited");
        var invitations = api.get("/api/v1/statements/" + id + "/invitations", leadToken);
        assertThat(invitations.json().get("joinPath").asString()).startsWith("/statements/" + id + "/join?token=");
        assertThat(invitations.json().get("items")).hasSize(1);

        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                academiaToken), 404, "statement-not-found", null);

        var opened = api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.json().get("signatures")).hasSize(1);
        assertThat(opened.json().get("signatures").get(0).get("organizationId").asString()).isEqualTo(lead);
        assertThat(opened.json().get("signatures").get(0).get("lead").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/statements/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/statements").json().get("total").asLong()).isEqualTo(published + 1);

        var signed = api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                academiaToken);
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("stakeholderGroup").asString()).isEqualTo("ACADEMIA");
        assertThat(signed.json().get("regionalGroup").asString()).isEqualTo("ASIA_PACIFIC");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                academiaToken), 409, "already-signed", "organizationId");
        assertThat(api.get("/api/v1/statements/" + id + "/invitations", leadToken).json().get("items").get(0)
                .get("state").asString()).isEqualTo("signed");

        // the text is frozen once signing opened
        assertProblem(api.patch("/api/v1/statements/" + id, Map.of("title", "Changed"), leadToken), 409,
                "text-frozen", null);

        var withdrawn = api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + academia, null, academiaToken,
                "application/json", Map.of());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
        var afterWithdrawal = api.get("/api/v1/statements/" + id).json();
        assertThat(afterWithdrawal.get("signatures")).hasSize(2);
        assertThat(afterWithdrawal.get("signatures").get(1).get("withdrawnAt").isNull()).isFalse();

        // signing again is a new signature; the withdrawn one stays listed
        assertThat(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                academiaToken).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/statements/" + id).json().get("signatures")).hasSize(3);

        assertProblem(api.post("/api/v1/statements/" + id + "/signing/close", Map.of(), academiaToken), 403,
                "not-lead", null);
        var closed = api.post("/api/v1/statements/" + id + "/signing/close", Map.of(), leadToken);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");

        long signatures = count("statement_signature");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                academiaToken), 409, "signing-closed", null);
        var thirdToken = api.registerAndSignIn("Late Signer");
        String late = fixtures.organization(thirdToken, "Late Foundation " + Math.random(), "CIVIL_SOCIETY", "BR");
        fixtures.verifyOrganization(admin, late);
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", late), thirdToken),
                409, "signing-closed", null);
        assertProblem(api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + academia, null, academiaToken,
                "application/json", Map.of()), 409, "signing-closed", null);
        assertProblem(api.patch("/api/v1/statements/" + id, Map.of("title", "Changed"), leadToken), 409,
                "text-frozen", null);
        assertProblem(api.post("/api/v1/statements/" + id + "/signing/close", Map.of(), leadToken), 409,
                "signing-closed", null);
        assertThat(count("statement_signature")).isEqualTo(signatures);
        assertThat(api.get("/api/v1/statements/" + id).json().get("title").asString()).isEqualTo("Protect CERTs");

        // exports: stable columns, every signature
        var csv = api.get("/api/v1/statements/" + id + "/signatories.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("organization_id,name,stakeholder_group,country,regional_group,signed_at,withdrawn_at");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith(lead + ",").contains(",CIVIL_SOCIETY,SN,AFRICAN,");
        assertThat(lines[2]).startsWith(academia + ",").contains(",ACADEMIA,JP,ASIA_PACIFIC,").doesNotEndWith(",");
        assertThat(lines[3]).startsWith(academia + ",").endsWith(",");
        var json = api.get("/api/v1/statements/" + id + "/signatories");
        assertThat(json.json()).hasSize(3);
        assertThat(json.json().get(0).propertyNames()).containsExactly("organizationId", "name", "stakeholderGroup",
                "country", "regionalGroup", "signedAt", "withdrawnAt");
    }

    @Test
    void signingAndWithdrawingALinkedParagraphRecordsTheStance(ApplicationEvents events) {
        // through the facade, so that the events are published on the test's thread where they are recorded
        String id = draft(Map.of("consultationSlug", slug(), "paragraphId", paragraphId(1)));
        statements.openSigning(id, null, actor(leadToken)).orThrow();
        statements.sign(id, academia, actor(academiaToken)).orThrow();
        statements.withdraw(id, academia, actor(academiaToken)).orThrow();
        var stances = events.stream(StatementStanceRecorded.class).toList();
        assertThat(stances).extracting(StatementStanceRecorded::organizationId).containsExactly(lead, academia, academia);
        assertThat(stances).extracting(StatementStanceRecorded::signed).containsExactly(true, true, false);
        assertThat(stances).allSatisfy(s -> {
            assertThat(s.paragraphId()).isEqualTo(paragraphId(1));
            assertThat(s.consultationId()).isEqualTo(consultation.get("id").asString());
            assertThat(s.statementId()).isEqualTo(id);
        });

        String unlinked = draft(Map.of("processSlug", process));
        statements.openSigning(unlinked, null, actor(leadToken)).orThrow();
        statements.sign(unlinked, academia, actor(academiaToken)).orThrow();
        assertThat(events.stream(StatementStanceRecorded.class)).hasSize(3);
    }

    @Test
    void signingForAnUnverifiedOrForeignOrganisationBeforeOpeningOrTwiceIsRefused() {
        String id = draftAndOpen(Map.of());
        long before = count("statement_signature");
        long withdrawals = count("statement_signature where withdrawn_at is not null");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", company),
                companyToken), 403, "not-verified", "organizationId");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                outsiderToken), 403, "not-representative", "organizationId");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia),
                companyToken), 403, "not-representative", "organizationId");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", "nope"),
                academiaToken), 400, "invalid-input", "organizationId");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", new HashMap<>(), academiaToken), 400,
                "invalid-input", "organizationId");
        assertProblem(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", lead), leadToken),
                409, "already-signed", "organizationId");
        assertThat(api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia), null)
                .status()).isEqualTo(401);
        // withdrawing someone else's signature, the lead's own, one that does not exist
        api.post("/api/v1/statements/" + id + "/signatures", Map.of("organizationId", academia), academiaToken);
        before = count("statement_signature");
        assertProblem(api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + academia, null, outsiderToken,
                "application/json", Map.of()), 403, "not-representative", null);
        assertProblem(api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + lead, null, leadToken,
                "application/json", Map.of()), 409, "lead-signature", null);
        assertProblem(api.send("DELETE", "/api/v1/statements/" + id + "/signatures/" + company, null, companyToken,
                "application/json", Map.of()), 404, "signature-not-found", null);
        assertThat(count("statement_signature")).isEqualTo(before);
        assertThat(count("statement_signature where withdrawn_at is not null")).isEqualTo(withdrawals);
    }

    @Test
    void onlyTheLeadEditsInvitesOpensAndCloses() {
        String id = draft(Map.of());
        long invitations = count("statement_invitation");
        // the lead's draft is invisible to others, so they get 404 rather than a hint that it exists
        assertProblem(api.patch("/api/v1/statements/" + id, Map.of("title", "Mine now"), outsiderToken), 404,
                "statement-not-found", null);
        assertProblem(api.post("/api/v1/statements/" + id + "/signing", Map.of(), academiaToken), 404,
                "statement-not-found", null);
        // an administrator sees drafts but does not speak for the lead
        assertProblem(api.patch("/api/v1/statements/" + id, Map.of("title", "Admin edit"), admin), 403, "not-lead",
                null);
        assertThat(api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/statements/" + id + "/signing/close", Map.of(), outsiderToken), 403,
                "not-lead", null);
        assertProblem(api.post("/api/v1/statements/" + id + "/invitations", Map.of("organizationId", academia),
                academiaToken), 403, "not-lead", null);
        assertProblem(api.get("/api/v1/statements/" + id + "/invitations", outsiderToken), 403, "not-lead", null);
        assertProblem(api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken), 409, "signing-opened",
                null);
        assertThat(count("statement_invitation")).isEqualTo(invitations);
        var statement = api.get("/api/v1/statements/" + id).json();
        assertThat(statement.get("status").asString()).isEqualTo("OPEN");
        assertThat(statement.get("title").asString()).isEqualTo("A joint statement");
    }

    @Test
    void badDraftsAreRefusedAndNothingIsStored() {
        long statementsBefore = count("statement_statement");
        String unconfirmed = fixtures.unconfirmedPerson("Not Yet Confirmed");
        String unconfirmedToken = api.token(unconfirmed, TestApi.PASSWORD);
        String own = fixtures.organization(unconfirmedToken, "Fresh Org " + Math.random(), "CIVIL_SOCIETY", "FR");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", own),
                unconfirmedToken), 403, "email-not-confirmed", null);
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", academia),
                leadToken), 403, "not-representative", "organizationId");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "x".repeat(301), "body", "B", "organizationId",
                lead), leadToken), 400, "invalid-input", "title");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "  ", "organizationId", lead),
                leadToken), 400, "invalid-input", "body");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B"), leadToken), 400,
                "invalid-input", "organizationId");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead,
                "processSlug", "no-such-process"), leadToken), 400, "invalid-input", "processSlug");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead,
                "consultationSlug", "no-such-consultation"), leadToken), 400, "invalid-input", "consultationSlug");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead,
                "paragraphId", paragraphId(0)), leadToken), 400, "invalid-input", "paragraphId");
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead,
                "consultationSlug", slug(), "paragraphId", "p-not-there"), leadToken), 400, "invalid-input",
                "paragraphId");
        String otherProcess = fixtures.process(admin);
        assertProblem(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead,
                "processSlug", otherProcess, "consultationSlug", slug()), leadToken), 400, "invalid-input",
                "consultationSlug");
        assertThat(api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", lead), null)
                .status()).isEqualTo(401);
        assertThat(count("statement_statement")).isEqualTo(statementsBefore);

        String id = draft(Map.of());
        assertProblem(api.patch("/api/v1/statements/" + id, Map.of("title", ""), leadToken), 400, "invalid-input",
                "title");
        assertProblem(api.post("/api/v1/statements/" + id + "/signing", Map.of("closesAt", "2020-01-01T00:00:00Z"),
                leadToken), 400, "invalid-input", "closesAt");
        assertProblem(api.post("/api/v1/statements/" + id + "/signing", Map.of("closesAt", "tomorrow"), leadToken), 400,
                "invalid-input", "closesAt");
        assertProblem(api.post("/api/v1/statements/" + id + "/invitations", Map.of("organizationId", "nope"),
                leadToken), 400, "invalid-input", "organizationId");
        assertThat(api.get("/api/v1/statements/" + id, leadToken).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void anUnverifiedLeadCannotOpenSigning() {
        String id = api.post("/api/v1/statements", Map.of("title", "T", "body", "B", "organizationId", company),
                companyToken).json().get("id").asString();
        long before = count("statement_signature");
        assertProblem(api.post("/api/v1/statements/" + id + "/signing", Map.of(), companyToken), 403, "not-verified",
                "organizationId");
        assertThat(count("statement_signature")).isEqualTo(before);
    }

    @Test
    void aHiddenStatementShowsTheNoticeInsteadOfItsText() {
        String id = draftAndOpen(Map.of("processSlug", process));
        var kind = moderatedKinds.stream().filter(k -> k.kind().equals("statement")).findFirst().orElseThrow();
        var item = kind.find(id).orElseThrow();
        assertThat(item.processId()).isNotNull();
        assertThat(item.path()).isEqualTo("/statements/" + id);
        assertThat(item.title()).contains("A joint statement");
        assertThat(kind.find("nope")).isEmpty();
        jdbc.update("insert into moderation_hidden (kind, item_id, rule_title, reason, hidden_at) values "
                + "('statement', ?, 'No spam', 'Advertising', now())", id);
        var hidden = api.get("/api/v1/statements/" + id).json();
        assertThat(hidden.get("title").isNull()).isTrue();
        assertThat(hidden.get("body").isNull()).isTrue();
        assertThat(hidden.get("bodyHtml").isNull()).isTrue();
        assertThat(hidden.get("hidden").get("ruleTitle").asString()).isEqualTo("No spam");
        assertThat(hidden.get("hidden").get("reason").asString()).isEqualTo("Advertising");
        assertThat(api.get("/api/v1/statements").body()).doesNotContain("A joint statement");
        var page = new org.polylogue.TestBrowser(port).get("/statements/" + id);
        assertThat(page.body()).contains("Hidden by the moderators").contains("No spam").contains("Advertising")
                .doesNotContain("We stand together");
    }

    private Actor actor(String token) {
        var me = api.get("/api/v1/accounts/me", token).json();
        return new Actor(me.get("id").asString(), me.get("displayName").asString(), false);
    }

    private String draft(Map<String, String> link) {
        var request = new HashMap<String, String>(link);
        request.put("title", "A joint statement");
        request.put("body", "We stand together.");
        request.put("organizationId", lead);
        var drafted = api.post("/api/v1/statements", request, leadToken);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asString();
    }

    private String draftAndOpen(Map<String, String> link) {
        String id = draft(link);
        var opened = api.post("/api/v1/statements/" + id + "/signing", Map.of(), leadToken);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return id;
    }

    private String slug() {
        return consultation.get("slug").asString();
    }

    private String paragraphId(int index) {
        return consultation.get("document").get("paragraphs").get(index).get("id").asString();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
