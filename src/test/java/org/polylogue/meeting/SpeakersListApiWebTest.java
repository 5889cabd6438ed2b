package org.polylogue.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The speakers list: participants ask for the floor, the chair orders it, counts per stakeholder group. */
@PolylogueTest
class SpeakersListApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    MeetingFixtures meetings;
    String admin;
    String process;
    String secretariat;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        meetings = new MeetingFixtures(api);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        String secretariatEmail = fixtures.person("Chair of the meeting");
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
        secretariat = api.token(secretariatEmail, TestApi.PASSWORD);
    }

    @Test
    void participantsAskAndTheChairOrdersTheListAndMarksWhoSpoke() {
        String slug = meetings.meeting(secretariat, process, 1, null).get("slug").asString();
        String stateRep = api.token(fixtures.person("Delegate of Estonia"), TestApi.PASSWORD);
        String state = fixtures.organization(stateRep, "Ministry of Foreign Affairs of Estonia", "MEMBER_STATE", "EE");
        String ngoRep = api.token(fixtures.person("Ngo Speaker"), TestApi.PASSWORD);
        String ngo = fixtures.organization(ngoRep, "Digital Rights Watch", "CIVIL_SOCIETY", "SN");
        String individual = api.token(fixtures.person("Independent Expert"), TestApi.PASSWORD);
        String outsider = api.token(fixtures.person("Not Registered"), TestApi.PASSWORD);
        meetings.register(stateRep, slug, state, false);
        meetings.register(ngoRep, slug, ngo, false);
        meetings.register(individual, slug, null, false);

        assertProblem(api.post("/api/v1/meetings/" + slug + "/speakers", Map.of(), outsider), 403, "not-registered",
                null);
        var first = api.post("/api/v1/meetings/" + slug + "/speakers", Map.of("organizationId", state), stateRep);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("position").asInt()).isEqualTo(1);
        assertThat(first.json().has("accountId")).as("who asked is not traceable by account").isFalse();
        assertProblem(api.post("/api/v1/meetings/" + slug + "/speakers", Map.of(), stateRep), 409,
                "already-requested", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/speakers", Map.of("organizationId", state), ngoRep),
                403, "not-representative", "organizationId");
        String second = api.post("/api/v1/meetings/" + slug + "/speakers", Map.of("organizationId", ngo), ngoRep)
                .json().get("id").asString();
        String third = api.post("/api/v1/meetings/" + slug + "/speakers", Map.of(), individual).json().get("id")
                .asString();

        // only the chair orders
        assertProblem(api.send("PUT", "/api/v1/meetings/" + slug + "/speakers/" + third + "/position",
                "{\"position\":1}", individual, "application/json", Map.of()), 403, "not-secretariat", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/speakers/" + third + "/spoke", Map.of(), ngoRep), 403,
                "not-secretariat", null);
        assertProblem(api.send("DELETE", "/api/v1/meetings/" + slug + "/speakers/" + second, null, individual,
                "application/json", Map.of()), 403, "not-secretariat", null);
        assertThat(names(api.get("/api/v1/meetings/" + slug + "/speakers").json().get("waiting")))
                .containsExactly("Delegate of Estonia", "Ngo Speaker", "Independent Expert");

        var moved = api.send("PUT", "/api/v1/meetings/" + slug + "/speakers/" + third + "/position",
                "{\"position\":1}", secretariat, "application/json", Map.of());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(names(moved.json().get("waiting")))
                .containsExactly("Independent Expert", "Delegate of Estonia", "Ngo Speaker");
        assertProblem(api.send("PUT", "/api/v1/meetings/" + slug + "/speakers/" + third + "/position",
                "{\"position\":0}", secretariat, "application/json", Map.of()), 400, "invalid-input", "position");

        var spoke = api.post("/api/v1/meetings/" + slug + "/speakers/" + third + "/spoke", Map.of(), secretariat);
        assertThat(spoke.status()).isEqualTo(200);
        assertThat(names(spoke.json().get("spoke"))).containsExactly("Independent Expert");
        assertProblem(api.post("/api/v1/meetings/" + slug + "/speakers/" + third + "/spoke", Map.of(), secretariat),
                409, "already-spoke", null);

        // a participant withdraws their own request
        var withdrawn = api.send("DELETE", "/api/v1/meetings/" + slug + "/speakers/" + second, null, ngoRep,
                "application/json", Map.of());
        assertThat(withdrawn.status()).isEqualTo(200);
        var list = api.get("/api/v1/meetings/" + slug + "/speakers").json();
        assertThat(names(list.get("waiting"))).containsExactly("Delegate of Estonia");
        assertThat(list.get("groups").findValuesAsString("group")).containsExactly("MEMBER_STATE", "INDIVIDUAL");
        assertThat(list.get("groups").get(0).get("waiting").asInt()).isEqualTo(1);
        assertThat(list.get("groups").get(1).get("spoke").asInt()).isEqualTo(1);
        assertProblem(api.send("DELETE", "/api/v1/meetings/" + slug + "/speakers/nope", null, secretariat,
                "application/json", Map.of()), 404, "speaker-request-not-found", null);
    }

    private static java.util.List<String> names(tools.jackson.databind.JsonNode items) {
        return items.findValuesAsString("name");
    }
}
