package org.polylogue.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Ids;
import org.polylogue.transcript.TranscriptFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transcript turns and amendments as evidence (and amendments as items) are checked against the
 * transcript and amendment modules: they must exist and belong to the stance's process, and their
 * links are built from the real items, not from what the client sent.
 */
@PolylogueTest
class StanceEvidenceFromTurnsAndAmendmentsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    JdbcClient jdbc;

    TranscriptFixtures f;
    TestApi api;
    String slug;
    String organization;
    String turn;
    String amendment;
    String otherTurn;
    String otherAmendment;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        api = f.api;
        var consultation = f.fixtures.openConsultation(f.admin, f.process);
        slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(0).get("id").asString();
        var imported = f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat);
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        turn = turnOf(f.meeting, 2);

        String repToken = api.token(f.fixtures.person("Awa Ndiaye"), TestApi.PASSWORD);
        organization = f.fixtures.organization(repToken, "Sahel Digital Rights " + Ids.next(), "CIVIL_SOCIETY", "SN");
        amendment = propose(repToken, slug, paragraph);

        // a meeting with a transcript and an amendment in another process
        String otherProcess = f.fixtures.process(f.admin);
        String otherMeeting = TranscriptFixtures.meeting(accounts, meetings, otherProcess);
        assertThat(f.upload(otherMeeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.admin).status())
                .isIn(200, 201);
        otherTurn = turnOf(otherMeeting, 1);
        var other = f.fixtures.openConsultation(f.admin, otherProcess);
        otherAmendment = propose(repToken, other.get("slug").asString(),
                other.get("document").get("paragraphs").get(0).get("id").asString());
    }

    private String turnOf(String meetingSlug, int number) {
        return jdbc.sql("""
                select t.id from transcript_turn t join transcript tr on tr.id = t.transcript_id
                join meeting m on m.id = tr.meeting_id where m.slug = ? and t.number = ?""")
                .param(meetingSlug).param(number).query(String.class).single();
    }

    private String propose(String token, String consultationSlug, String paragraph) {
        var proposed = api.post("/api/v1/consultations/" + consultationSlug + "/amendments", Map.of("paragraphId",
                paragraph, "kind", "DELETE", "rationale", "Redundant with paragraph 2."), token);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    private Map<String, Object> stance(Map<String, Object> item, List<Map<String, Object>> evidence) {
        var body = new HashMap<String, Object>();
        body.put("actor", Map.of("organizationId", organization));
        body.put("item", item);
        body.put("position", "SUPPORTS");
        body.put("summary", "Supports the programme of action.");
        body.put("evidence", evidence);
        return body;
    }

    private static final List<Map<String, Object>> LINK = List.of(Map.of("kind", "link", "url",
            "https://example.org/statement.pdf"));

    private Map<String, Object> onConsultation() {
        return Map.of("kind", "consultation", "id", slug);
    }

    private long stances() {
        return jdbc.sql("select count(*) from position_stance").query(Long.class).single();
    }

    @Test
    void aTurnOfAMeetingOfTheProcessIsEvidenceLinkedToItsAnchor() {
        var recorded = api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "turn", "id",
                turn, "path", "/somewhere/else"))), f.secretariat);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        var evidence = recorded.json().get("evidence").get(0);
        assertThat(evidence.get("kind").asString()).isEqualTo("turn");
        assertThat(evidence.get("href").asString()).isEqualTo("/meetings/" + f.meeting + "/transcript#turn-2");
        assertThat(evidence.get("label").asString()).contains("Turn 2");
    }

    @Test
    void anAmendmentOfTheProcessIsEvidenceLinkedToItsPageAndCanBeTheItem() {
        var recorded = api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "amendment",
                "id", amendment))), f.secretariat);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("evidence").get(0).get("href").asString())
                .isEqualTo("/consultations/" + slug + "/amendments/" + amendment);

        var onAmendment = api.post("/api/v1/positions", stance(Map.of("kind", "amendment", "id", amendment,
                "consultation", slug), LINK), f.secretariat);
        assertThat(onAmendment.status()).as(onAmendment.body()).isEqualTo(201);
        assertThat(onAmendment.json().get("item").get("href").asString())
                .isEqualTo("/consultations/" + slug + "/amendments/" + amendment);
    }

    @Test
    void unknownTurnsAndAmendmentsOrThoseOfAnotherProcessAreRefusedWithFieldErrorsAndNothingIsStored() {
        long before = stances();
        assertProblem(api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "turn", "id",
                Ids.next(), "path", "/meetings/x/transcript#turn-1"))), f.secretariat), 400, "invalid-input", "evidence[0].id");
        assertProblem(api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "turn", "id",
                otherTurn))), f.secretariat), 400, "invalid-input", "evidence[0].id");
        assertProblem(api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "amendment",
                "id", Ids.next()))), f.secretariat), 400, "invalid-input", "evidence[0].id");
        assertProblem(api.post("/api/v1/positions", stance(onConsultation(), List.of(Map.of("kind", "amendment",
                "id", otherAmendment))), f.secretariat), 400, "invalid-input", "evidence[0].id");
        assertProblem(api.post("/api/v1/positions", stance(Map.of("kind", "amendment", "id", Ids.next(),
                "consultation", slug), LINK), f.secretariat), 400, "invalid-input", "item.id");
        assertProblem(api.post("/api/v1/positions", stance(Map.of("kind", "amendment", "id", otherAmendment,
                "consultation", slug), LINK), f.secretariat), 400, "invalid-input", "item.id");
        assertThat(stances()).isEqualTo(before);
    }
}
