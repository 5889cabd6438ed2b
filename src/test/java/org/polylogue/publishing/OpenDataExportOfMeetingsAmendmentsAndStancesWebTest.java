package org.polylogue.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.publishing.OpenDataExportRoundTripWebTest.csv;
import static org.polylogue.publishing.OpenDataExportRoundTripWebTest.ids;
import static org.polylogue.publishing.OpenDataExportRoundTripWebTest.text;
import static org.polylogue.publishing.OpenDataExportRoundTripWebTest.unzip;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.MeetingFixtures;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Ids;
import org.polylogue.transcript.TranscriptFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export, parse, compare for the kinds of the amendment, meeting, transcript and position modules: a
 * process with amendments (one disposition published, one still a draft, one amendment hidden) and a
 * support, two meetings (one with a registration), an imported transcript, a named proposal and a
 * stance with a turn and an amendment as evidence. Every file agrees with the database by count and
 * ids; drafts, hidden texts and registrants' personal data are not in the ZIP.
 */
@PolylogueTest
class OpenDataExportOfMeetingsAmendmentsAndStancesWebTest {

    static final String DRAFT_REASON = "Draft reason not yet published to anyone.";
    static final String HIDDEN_RATIONALE = "You are all idiots, delete this paragraph.";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    TranscriptFixtures f;
    TestApi api;
    String processId;
    String consultationId;
    String accepted;
    String draftDisposed;
    String hidden;
    String organization;
    String supporter;
    String registrantEmail;
    String stance;
    String proposal;
    String otherMeeting;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        api = f.api;
        var consultation = f.fixtures.openConsultation(f.admin, f.process);
        String slug = consultation.get("slug").asString();
        consultationId = consultation.get("id").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(0).get("id").asString();
        processId = jdbc.sql("select process_id from meeting where slug = ?").param(f.meeting).query(String.class)
                .single();
        var imported = f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat);
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);

        String repToken = api.token(f.fixtures.person("Awa Ndiaye"), TestApi.PASSWORD);
        organization = f.fixtures.organization(repToken, "Sahel Digital Rights " + Ids.next(), "CIVIL_SOCIETY", "SN");
        accepted = propose(repToken, slug, Map.of("paragraphId", paragraph, "kind", "REPLACE", "text",
                "States shall protect hospitals.", "rationale", "Clearer.", "organizationId", organization));
        draftDisposed = propose(repToken, slug, Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale",
                "Redundant."));
        hidden = propose(repToken, slug, Map.of("paragraphId", paragraph, "kind", "DELETE", "rationale",
                HIDDEN_RATIONALE));
        String supporterToken = api.token(f.fixtures.person("Prof. Tanaka"), TestApi.PASSWORD);
        supporter = f.fixtures.organization(supporterToken, "Institute of Cyber Law " + Ids.next(), "ACADEMIA", "JP");
        var supported = api.post("/api/v1/amendments/" + accepted + "/supports", Map.of("organizationId", supporter),
                supporterToken);
        assertThat(supported.status()).as(supported.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/amendments/" + accepted + "/disposition", Map.of("decision", "ACCEPTED", "reason",
                "Consensus in the room."), f.secretariat).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/consultations/" + slug + "/dispositions/publication", Map.of(), f.secretariat)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/amendments/" + draftDisposed + "/disposition", Map.of("decision", "REJECTED",
                "reason", DRAFT_REASON), f.secretariat).status()).isEqualTo(200);
        var rule = api.post("/api/v1/processes/" + f.process + "/moderation-rules",
                Map.of("title", "Be civil", "description", "No insults against people."), f.admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hide = api.post("/api/v1/moderation/amendment/" + hidden + "/hide",
                Map.of("ruleId", rule.json().get("id").asString(), "reason", "Insults"), f.admin);
        assertThat(hide.status()).as(hide.body()).isEqualTo(201);

        // a future meeting of the process with one registration: only counted, never named
        var future = new MeetingFixtures(api).meeting(f.secretariat, f.process, 48, 20);
        registrantEmail = f.fixtures.person("Rosa Registrant");
        new MeetingFixtures(api).register(api.token(registrantEmail, TestApi.PASSWORD), future.get("slug").asString(),
                null, false);
        otherMeeting = jdbc.sql("select id from meeting where slug = ?")
                .param(TranscriptFixtures.meeting(accounts, meetings, null)).query(String.class).single();

        var named = api.post("/api/v1/processes/" + f.process + "/proposals", Map.of("name", "Programme of action",
                "description", "A permanent mechanism"), f.secretariat);
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        proposal = named.json().get("id").asString();
        String turn = jdbc.sql("""
                select t.id from transcript_turn t join transcript tr on tr.id = t.transcript_id
                join meeting m on m.id = tr.meeting_id where m.slug = ? and t.number = 1""").param(f.meeting)
                .query(String.class).single();
        var body = new HashMap<String, Object>();
        body.put("actor", Map.of("organizationId", organization));
        body.put("item", Map.of("kind", "proposal", "id", proposal));
        body.put("position", "SUPPORTS");
        body.put("summary", "Supports a programme of action.");
        body.put("evidence", List.of(Map.of("kind", "turn", "id", turn), Map.of("kind", "amendment", "id", accepted)));
        var recorded = api.post("/api/v1/positions", body, f.secretariat);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        stance = recorded.json().get("id").asString();
    }

    private String propose(String token, String slug, Map<String, Object> body) {
        var proposed = api.post("/api/v1/consultations/" + slug + "/amendments", body, token);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    @Test
    void theNewKindsRoundTripWithTheDatabase() throws IOException {
        assertThat(api.post("/api/v1/exports/" + f.process + "/regeneration", null, f.admin).status()).isEqualTo(200);
        var zip = unzip(download("/api/v1/exports/" + f.process + ".zip"));
        String readme = text(zip, "README.md");
        for (String kind : List.of("amendments", "amendment_supports", "meetings", "meeting_documents",
                "transcript_turns", "stances", "proposals")) {
            assertThat(zip).containsKeys(kind + ".csv", kind + ".jsonl");
            assertThat(readme).contains("`" + kind + ".csv`");
            assertThat(jsonl(zip, kind + ".jsonl")).as(kind).hasSize(csv(zip, kind + ".csv").size());
        }
        assertThat(readme).contains("disposition_published_at", "normalized_text", "recorded_by", "evidence");

        // amendments: the ids of the consultation, the published disposition only, the hidden one without texts
        var amendments = csv(zip, "amendments.csv");
        assertThat(ids(amendments)).isEqualTo(jdbc.sql("select id from amendment where consultation_id = ? order by id")
                .param(consultationId).query(String.class).list()).containsExactlyInAnyOrder(accepted,
                        draftDisposed, hidden);
        var acceptedRow = row(amendments, accepted);
        assertThat(acceptedRow.get("disposition")).isEqualTo("ACCEPTED");
        assertThat(acceptedRow.get("disposition_reason")).isEqualTo("Consensus in the room.");
        assertThat(acceptedRow.get("text")).isEqualTo("States shall protect hospitals.");
        assertThat(acceptedRow.get("author")).isEqualTo("Awa Ndiaye");
        assertThat(acceptedRow.get("organization_id")).isEqualTo(organization);
        assertThat(row(amendments, draftDisposed).get("disposition")).as("a draft disposition").isEmpty();
        var hiddenRow = row(amendments, hidden);
        assertThat(hiddenRow.get("rationale")).isEmpty();
        assertThat(hiddenRow.get("author")).isEmpty();
        assertThat(hiddenRow.get("hidden_rule")).contains("Be civil");
        var supports = csv(zip, "amendment_supports.csv");
        assertThat(supports).hasSize(1);
        assertThat(supports.getFirst().get("amendment_id")).isEqualTo(accepted);
        assertThat(supports.getFirst().get("organization_id")).isEqualTo(supporter);

        // meetings of the process only, with counts and no registrant
        var meetingRows = csv(zip, "meetings.csv");
        assertThat(ids(meetingRows)).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                "select id from meeting where process_id = ?").param(processId).query(String.class).list())
                .hasSize(2).doesNotContain(otherMeeting);
        assertThat(meetingRows.stream().map(r -> r.get("registered")).toList()).containsExactlyInAnyOrder("0", "1");

        // transcript turns: every turn of the process's transcript, in order
        var turns = csv(zip, "transcript_turns.csv");
        assertThat(ids(turns)).isEqualTo(jdbc.sql("""
                select t.id from transcript_turn t join transcript tr on tr.id = t.transcript_id
                join meeting m on m.id = tr.meeting_id where m.process_id = ? order by tr.meeting_id, t.number""")
                .param(processId).query(String.class).list()).isNotEmpty();
        assertThat(turns.getFirst().get("number")).isEqualTo("1");
        assertThat(turns.getFirst().get("original_text")).isNotBlank();

        // stances and proposals
        var stances = csv(zip, "stances.csv");
        assertThat(ids(stances)).isEqualTo(jdbc.sql("select id from position_stance where process_id = ? order by id")
                .param(processId).query(String.class).list()).contains(stance);
        var stanceRow = row(stances, stance);
        assertThat(stanceRow.get("recorded_by")).isEqualTo("recorded by the secretariat");
        assertThat(stanceRow.get("current")).isEqualTo("true");
        JsonNode evidence = json.readTree(stanceRow.get("evidence"));
        assertThat(evidence.findValuesAsString("kind")).containsExactly("turn", "amendment");
        assertThat(evidence.get(1).get("url").asString()).endsWith("/amendments/" + accepted);
        assertThat(ids(csv(zip, "proposals.csv"))).containsExactly(proposal);

        for (var entry : zip.entrySet()) {
            assertThat(new String(entry.getValue(), StandardCharsets.UTF_8)).as(entry.getKey())
                    .doesNotContain(DRAFT_REASON).doesNotContain(HIDDEN_RATIONALE).doesNotContain("Rosa Registrant")
                    .doesNotContain(registrantEmail);
        }
    }

    @Test
    void theWholePlatformExportHasMeetingsStandingAlone() throws IOException {
        assertThat(api.post("/api/v1/exports/all/regeneration", null, f.admin).status()).isEqualTo(200);
        var zip = unzip(download("/api/v1/exports/all.zip"));
        assertThat(ids(csv(zip, "meetings.csv"))).contains(otherMeeting);
        assertThat(ids(csv(zip, "amendments.csv"))).contains(accepted, hidden);
        assertThat(ids(csv(zip, "stances.csv"))).contains(stance);
    }

    private static CSVRecord row(List<CSVRecord> rows, String id) {
        return rows.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }

    private List<JsonNode> jsonl(Map<String, byte[]> zip, String name) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text(zip, name).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private byte[] download(String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
