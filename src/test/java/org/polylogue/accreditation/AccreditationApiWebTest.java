package org.polylogue.accreditation;

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
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** The accreditation log through the API: the story, and every refusal leaving the log as it was. */
@PolylogueTest
@RecordApplicationEvents
class AccreditationApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Accreditations accreditations;

    TestApi api;
    Fixtures fixtures;
    TrustFixtures trust;
    String admin;
    String process;
    String ngoToken;
    String ngo;
    String stateToken;
    String state;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        trust = new TrustFixtures(jdbc);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        ngoToken = api.registerAndSignIn("Awa Ndiaye");
        ngo = fixtures.organization(ngoToken, "Digital Rights Collective " + Math.random(), "CIVIL_SOCIETY", "SN");
        trust.ecosoc(ngo, "SPECIAL");
        stateToken = api.registerAndSignIn("Delegate of Indonesia");
        state = fixtures.organization(stateToken, "Ministry of Foreign Affairs " + Math.random(), "MEMBER_STATE", "ID");
        trust.verify(state);
    }

    @Test
    void anOrganisationRequestsAStateObjectsAndWithdrawsAndTheSecretariatDecides() {
        var requested = api.post(base() + "/requests", Map.of("organizationId", ngo, "statement",
                "We work on <b>network shutdowns</b>."), ngoToken);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String request = requested.json().get("id").asString();
        assertThat(requested.header("Location")).endsWith(base() + "/requests/" + request);
        assertThat(requested.json().get("state").asString()).isEqualTo("REQUESTED");
        assertThat(requested.json().get("organization").get("ecosocStatus").asString()).isEqualTo("Special consultative status");
        assertThat(requested.json().get("organization").get("stakeholderGroup").asString()).isEqualTo("Civil society");
        var first = requested.json().get("entries").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("REQUESTED");
        assertThat(first.get("person").asString()).isEqualTo("Awa Ndiaye");
        assertThat(first.get("text").asString()).isEqualTo("We work on <b>network shutdowns</b>.");

        var objected = api.post(base() + "/requests/" + request + "/objections", Map.of("organizationId", state,
                "reason", "Outside the mandate."), stateToken);
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        String objection = objected.json().get("id").asString();
        assertThat(objected.json().get("organization").get("verified").asBoolean()).isTrue();
        assertThat(objected.json().get("text").asString()).isEqualTo("Outside the mandate.");
        assertThat(state(request)).isEqualTo("OBJECTED");

        assertProblem(api.post(base() + "/requests/" + request + "/objections", Map.of("organizationId", state), stateToken),
                409, "already-objected", "organizationId");

        var withdrawn = api.send("DELETE", base() + "/requests/" + request + "/objections/" + objection, null, stateToken,
                null, Map.of());
        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(state(request)).isEqualTo("REQUESTED");
        assertProblem(api.send("DELETE", base() + "/requests/" + request + "/objections/" + objection, null, stateToken,
                null, Map.of()), 409, "objection-withdrawn", null);

        var withoutReason = api.post(base() + "/requests/" + request + "/objections", Map.of("organizationId", state),
                stateToken);
        assertThat(withoutReason.status()).isEqualTo(201);
        assertThat(withoutReason.json().get("text").isNull()).isTrue();

        var decided = api.post(base() + "/requests/" + request + "/decision", Map.of("decision", "ACCREDITED"), admin);
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(decided.json().get("decision").asString()).isEqualTo("ACCREDITED");
        assertThat(state(request)).isEqualTo("ACCREDITED");
        assertProblem(api.post(base() + "/requests/" + request + "/decision", Map.of("decision", "ACCREDITED"), admin),
                409, "already-decided", "decision");
        assertProblem(api.post(base() + "/requests/" + request + "/objections", Map.of("organizationId", state), stateToken),
                409, "request-decided", null);

        var superseded = api.post(base() + "/requests/" + request + "/decision", Map.of("decision", "NOT_ACCREDITED",
                "reason", "New information."), admin);
        assertThat(superseded.status()).isEqualTo(201);

        var log = api.get(base());
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().get("total").asLong()).isEqualTo(1);
        assertThat(log.json().get("counts").get("notAccredited").asLong()).isEqualTo(1);
        JsonNode entries = log.json().get("items").get(0).get("entries");
        assertThat(entries.findValuesAsString("kind")).containsExactly("REQUESTED", "OBJECTED", "OBJECTION_WITHDRAWN",
                "OBJECTED", "DECIDED", "DECIDED");
        assertThat(entries.get(1).get("withdrawn").asBoolean()).isTrue();
        assertThat(entries.get(2).get("objectionId").asString()).isEqualTo(objection);
        assertThat(entries.get(3).get("withdrawn").asBoolean()).isFalse();
        assertThat(log.json().get("items").get(0).get("state").asString()).isEqualTo("NOT_ACCREDITED");

        // after a refusal the organisation may ask again; while that request is open, not a second time
        var again = api.post(base() + "/requests", Map.of("organizationId", ngo), ngoToken);
        assertThat(again.status()).isEqualTo(201);
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", ngo), ngoToken), 409, "request-open",
                "organizationId");
        assertThat(api.get(base() + "?state=REQUESTED").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get(base() + "?state=NOT_ACCREDITED&size=1").json().get("items").get(0).get("id").asString())
                .isEqualTo(request);
    }

    @Test
    void onlyRepresentativesRequestAndNothingChangesWhenRefused() {
        long steps = trust.steps();
        String stranger = api.registerAndSignIn("Stranger");
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", ngo), stranger), 403, "not-representative", null);
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", ngo), null), 401, "unauthenticated", null);
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", "0000000000000000"), ngoToken), 403,
                "not-representative", null);
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", ngo, "statement", "x".repeat(2001)),
                ngoToken), 400, "invalid-input", "statement");
        assertProblem(api.post(base() + "/requests", Map.of("statement", "no organisation"), ngoToken), 400,
                "invalid-input", "organizationId");
        assertProblem(api.post(base() + "/requests", Map.of("organizationId", state), stateToken), 400, "invalid-input",
                "organizationId");
        assertProblem(api.post("/api/v1/processes/nope/accreditation/requests", Map.of("organizationId", ngo), ngoToken),
                404, "process-not-found", null);
        assertThat(trust.steps()).isEqualTo(steps);
        assertThat(api.get(base()).json().get("total").asLong()).isZero();
    }

    @Test
    void onlyVerifiedMemberStatesObjectAndOnlyForThemselves() {
        String request = request();
        long steps = trust.steps();

        // a verified representative of an organisation that is not a member state
        String ngo2Token = api.registerAndSignIn("Ana Reyes");
        String ngo2 = fixtures.organization(ngo2Token, "Verified Lab " + Math.random(), "ACADEMIA", "CL");
        trust.verify(ngo2);
        assertProblem(api.post(objections(request), Map.of("organizationId", ngo2, "reason", "no"), ngo2Token), 403,
                "not-member-state", null);

        // an unverified member state
        String unverifiedToken = api.registerAndSignIn("Delegate of Chile");
        String unverified = fixtures.organization(unverifiedToken, "Ministry of Chile " + Math.random(), "MEMBER_STATE", "CL");
        assertProblem(api.post(objections(request), Map.of("organizationId", unverified), unverifiedToken), 403,
                "member-state-not-verified", null);
        // a member state verified only by a mail domain (from before such claims were refused): not enough
        trust.verifyByDomain(unverified, "gouv-cl.example");
        assertProblem(api.post(objections(request), Map.of("organizationId", unverified), unverifiedToken), 403,
                "member-state-not-verified", null);

        // someone acting for a member state they do not represent
        assertProblem(api.post(objections(request), Map.of("organizationId", state), ngoToken), 403,
                "not-representative", null);
        assertProblem(api.post(objections(request), Map.of("organizationId", state), null), 401, "unauthenticated", null);
        assertProblem(api.post(objections(request), Map.of("organizationId", state, "reason", "r".repeat(2001)),
                stateToken), 400, "invalid-input", "reason");
        assertProblem(api.post(base() + "/requests/0000000000000000/objections", Map.of("organizationId", state),
                stateToken), 404, "request-not-found", null);

        assertThat(trust.steps()).isEqualTo(steps);
        assertThat(state(request)).isEqualTo("REQUESTED");

        // a state's objection is withdrawn by that state only
        String objection = api.post(objections(request), Map.of("organizationId", state), stateToken).json().get("id")
                .asString();
        assertProblem(api.send("DELETE", objections(request) + "/" + objection, null, unverifiedToken, null, Map.of()),
                403, "not-representative", null);
        assertProblem(api.send("DELETE", objections(request) + "/0000000000000000", null, stateToken, null, Map.of()),
                404, "objection-not-found", null);
        assertThat(state(request)).isEqualTo("OBJECTED");
    }

    @Test
    void onlyTheSecretariatDecidesAndARefusalNeedsAReason() {
        String request = request();
        long steps = trust.steps();
        assertProblem(api.post(decision(request), Map.of("decision", "ACCREDITED"), ngoToken), 403, "not-secretariat", null);
        assertProblem(api.post(decision(request), Map.of("decision", "NOT_ACCREDITED", "reason", "No."), stateToken), 403,
                "not-secretariat", null);
        assertProblem(api.post(decision(request), Map.of("decision", "ACCREDITED"), null), 401, "unauthenticated", null);

        // the secretariat of another process is not this one's
        String otherProcess = fixtures.process(admin);
        String otherSecretaryEmail = fixtures.person("Other secretary");
        api.post("/api/v1/processes/" + otherProcess + "/roles", Map.of("email", otherSecretaryEmail, "role", "SECRETARIAT"),
                admin);
        String otherSecretary = api.token(otherSecretaryEmail, TestApi.PASSWORD);
        assertProblem(api.post(decision(request), Map.of("decision", "ACCREDITED"), otherSecretary), 403,
                "not-secretariat", null);
        // nor is a moderator of this one
        String moderatorEmail = fixtures.person("Moderator");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", moderatorEmail, "role", "MODERATOR"), admin);
        assertProblem(api.post(decision(request), Map.of("decision", "ACCREDITED"),
                api.token(moderatorEmail, TestApi.PASSWORD)), 403, "not-secretariat", null);

        assertProblem(api.post(decision(request), Map.of("decision", "NOT_ACCREDITED"), admin), 400, "invalid-input",
                "reason");
        assertProblem(api.post(decision(request), Map.of("decision", "NOT_ACCREDITED", "reason", "   "), admin), 400,
                "invalid-input", "reason");
        assertProblem(api.post(decision(request), Map.of("decision", "MAYBE"), admin), 400, "invalid-input", "decision");
        assertProblem(api.post(decision(request), new HashMap<>(), admin), 400, "invalid-input", "decision");
        assertThat(trust.steps()).isEqualTo(steps);
        assertThat(state(request)).isEqualTo("REQUESTED");

        String secretaryEmail = fixtures.person("Secretary");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretaryEmail, "role", "SECRETARIAT"), admin);
        var decided = api.post(decision(request), Map.of("decision", "NOT_ACCREDITED", "reason", "Did not answer."),
                api.token(secretaryEmail, TestApi.PASSWORD));
        assertThat(decided.status()).isEqualTo(201);
        assertThat(decided.json().get("person").asString()).isEqualTo("Secretary");
        assertThat(decided.json().get("organization").isNull()).isTrue();
    }

    @Test
    void theLogIsPublicAndPaged() {
        request();
        assertThat(api.get(base() + "?page=0&size=1").json().get("size").asInt()).isEqualTo(1);
        assertProblem(api.get(base() + "?size=501"), 400, "invalid-input", "size");
        assertProblem(api.get(base() + "?state=SLEEPING"), 400, "invalid-input", "state");
        assertProblem(api.get("/api/v1/processes/nope/accreditation"), 404, "process-not-found", null);
        assertProblem(api.get(base() + "/requests/0000000000000000"), 404, "request-not-found", null);
        var counts = api.get(base()).json().get("counts");
        assertThat(counts.get("requested").asLong()).isEqualTo(1);
        assertThat(counts.get("objected").asLong()).isZero();
    }

    @Test
    void aDecisionIsASecurityEvent(ApplicationEvents events) {
        String request = request();
        var adminAccount = accounts.findByEmail("admin@example.org").orElseThrow();
        accreditations.decide(process, request, new DecideRequest("ACCREDITED", null),
                new Actor(adminAccount.id(), "Administrator", true)).orThrow();
        assertThat(events.stream(SecurityEvent.class)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(SecurityEvent.Kind.ACCREDITATION_DECIDED);
            assertThat(event.actorAccountId()).isEqualTo(adminAccount.id());
            assertThat(event.subject()).startsWith("process:");
            assertThat(event.detail()).contains("request=" + request, "organization=" + ngo, "decision=ACCREDITED");
        });
    }

    @Test
    void theLogIsAppendOnly() {
        request();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update accreditation_entry set text = 'x'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from accreditation_request"))
                .hasMessageContaining("append-only");
    }

    private String request() {
        var response = api.post(base() + "/requests", Map.of("organizationId", ngo), ngoToken);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private String state(String request) {
        return api.get(base() + "/requests/" + request).json().get("state").asString();
    }

    private String base() {
        return "/api/v1/processes/" + process + "/accreditation";
    }

    private String objections(String request) {
        return base() + "/requests/" + request + "/objections";
    }

    private String decision(String request) {
        return base() + "/requests/" + request + "/decision";
    }
}
