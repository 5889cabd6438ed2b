package org.polylogue.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.shared.search.SearchableChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PolylogueTest
class TranscriptApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    java.util.List<SearchSource> sources;

    final SearchableChangedRecorder events = SearchableChangedRecorder.INSTANCE;

    TranscriptFixtures f;
    TestApi api;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        events.clear();
        api = f.api;
    }

    @Test
    void theSecretariatImportsAndEveryoneReadsTurnsAndQuestions() {
        var imported = f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("turns").asInt()).isEqualTo(12);
        var speakers = imported.json().get("speakers");
        assertThat(speakers.get(0).get("label").asString()).isEqualTo("MODERATOR");
        assertThat(speakers.get(0).get("turns").asInt()).isEqualTo(6);
        assertThat(speakers.findValuesAsString("label")).contains("KENYA", "ANDEAN INCIDENT RESPONDERS NETWORK");

        var transcript = api.get("/api/v1/meetings/" + f.meeting + "/transcript");
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.json().get("status").asString()).isEqualTo("unofficial captioning");
        JsonNode kenya = transcript.json().get("turns").get(1);
        assertThat(kenya.get("number").asInt()).isEqualTo(2);
        assertThat(kenya.get("speaker").asString()).isEqualTo("KENYA");
        assertThat(kenya.get("text").asString()).startsWith("Thank you, Moderator.").contains("action-oriented");
        assertThat(kenya.get("words").asInt()).isEqualTo(26);
        assertThat(kenya.get("anchor").asString()).isEqualTo("/meetings/" + f.meeting + "/transcript#turn-2");
        assertThat(transcript.json().get("turns").get(6).get("speaker").isNull()).isTrue();

        var questions = api.get("/api/v1/meetings/" + f.meeting + "/questions");
        assertThat(questions.json().get("total").asInt()).isEqualTo(2);
        assertThat(questions.json().get("items").findValuesAsString("askedBy"))
                .containsExactly("Maria Lopez of the Sahel Digital Rights Collective", "Tomasz Nowak");

        var turnSource = sources.stream().filter(s -> s.kind().equals("turn")).findFirst().orElseThrow();
        assertThat(events.stream(SearchableChanged.class).filter(e -> e.kind().equals("turn")).count()).isEqualTo(12);
        var changed = events.stream(SearchableChanged.class).findFirst().orElseThrow();
        var document = turnSource.find(changed.id()).orElseThrow();
        assertThat(document.title()).isEqualTo("MODERATOR · Roundtable on the programme of action");
        assertThat(document.path()).isEqualTo("/meetings/" + f.meeting + "/transcript#turn-1");
        assertThat(document.processId()).isNotNull();
    }

    @Test
    void reImportingACorrectedTranscriptKeepsTheConfirmedLinksAndRemovesOldTurnsFromSearch() {
        assertThat(f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat).status())
                .isEqualTo(201);
        String repToken = api.registerAndSignIn("Kenyan Representative");
        String kenya = f.fixtures.organization(repToken, "Ministry of Foreign Affairs of Kenya", "MEMBER_STATE", "KE");
        var speakers = api.get("/api/v1/meetings/" + f.meeting + "/transcript/speakers", f.secretariat);
        assertThat(speakers.status()).as(speakers.body()).isEqualTo(200);
        JsonNode kenyaEntry = null;
        for (JsonNode entry : speakers.json()) {
            if (entry.get("label").asString().equals("KENYA")) {
                kenyaEntry = entry;
            }
        }
        assertThat(kenyaEntry).isNotNull();
        assertThat(kenyaEntry.get("suggestions").findValuesAsString("organizationId")).contains(kenya);
        assertThat(kenyaEntry.get("introducedAs").get(0).asString()).isEqualTo("Ambassador Wanjiru");

        var linked = api.post("/api/v1/meetings/" + f.meeting + "/transcript/speakers",
                Map.of("label", "KENYA", "organizationId", kenya), f.secretariat);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        var turnSource = sources.stream().filter(s -> s.kind().equals("turn")).findFirst().orElseThrow();
        String kenyaTurnId = events.stream(SearchableChanged.class).skip(1).findFirst().orElseThrow().id();
        assertThat(turnSource.find(kenyaTurnId).orElseThrow().organizationId()).isEqualTo(kenya);
        assertThat(turnSource.find(kenyaTurnId).orElseThrow().stakeholderGroup()).isEqualTo("MEMBER_STATE");

        String corrected = TranscriptFixtures.resource("roundtable-poa.txt").replace("a dedicated fund",
                "a dedicated voluntary fund");
        var again = f.upload(f.meeting, corrected, f.secretariat);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        var transcript = api.get("/api/v1/meetings/" + f.meeting + "/transcript").json();
        assertThat(transcript.get("turns").get(1).get("organizationId").asString()).isEqualTo(kenya);
        assertThat(transcript.get("turns").get(3).get("text").asString()).contains("dedicated voluntary fund");
        assertThat(turnSource.find(kenyaTurnId)).as("the old turn is gone from search").isEmpty();
        assertThat(events.stream(SearchableChanged.class).filter(e -> e.id().equals(kenyaTurnId)).count())
                .as("published on the link and on the re-import").isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyTheSecretariatImportsAndNothingIsStoredOtherwise() {
        String text = TranscriptFixtures.resource("roundtable-poa.txt");
        assertProblem(f.upload(f.meeting, text, null), 401, "unauthenticated", null);
        String person = api.registerAndSignIn("Curious Person");
        assertProblem(f.upload(f.meeting, text, person), 403, "not-secretariat", null);
        assertProblem(api.post("/api/v1/meetings/" + f.meeting + "/transcript/speakers",
                Map.of("label", "KENYA", "organizationId", "x"), person), 403, "not-secretariat", null);
        assertProblem(api.get("/api/v1/meetings/" + f.meeting + "/transcript/speakers", person), 403,
                "not-secretariat", null);
        assertProblem(api.get("/api/v1/meetings/" + f.meeting + "/transcript"), 404, "transcript-not-found", null);
        assertProblem(f.upload("no-such-meeting", text, f.secretariat), 404, "meeting-not-found", null);
        // a meeting standing alone: administrators only
        String alone = TranscriptFixtures.meeting(accounts, meetings, null);
        assertProblem(f.upload(alone, text, f.secretariat), 403, "not-secretariat", null);
        assertThat(f.upload(alone, text, f.admin).status()).isEqualTo(201);
        // the turns of the one import that was allowed (creating the meeting made it findable too)
        assertThat(events.stream(SearchableChanged.class).filter(e -> e.kind().equals("turn")).count()).isEqualTo(12);
    }

    @Test
    void badTranscriptsGetAReportByLineAndLeaveTheStoredOneAsItWas() {
        assertThat(f.upload(f.meeting, TranscriptFixtures.resource("consultation-cbm.txt"), f.secretariat).status())
                .isEqualTo(201);
        var before = api.get("/api/v1/meetings/" + f.meeting + "/transcript").body();

        var noTurns = f.upload(f.meeting, "MEETING\n\nCaptioning is not an authoritative record.\n", f.secretariat);
        assertProblem(noTurns, 422, "transcript-unreadable", "line 3");
        assertThat(noTurns.json().get("errors").get(0).get("message").asString()).startsWith("No turns");

        var sentence = f.upload(f.meeting, TranscriptFixtures.resource("sentence-speaker.txt"), f.secretariat);
        assertProblem(sentence, 422, "transcript-unreadable", "line 6");
        assertThat(sentence.body()).contains("whole sentence");

        var binary = f.upload(f.meeting, new byte[] {'>', '>', ' ', 'A', ':', ' ', 'h', 'i', '\n', 0, 1, 2, 3},
                f.secretariat);
        assertProblem(binary, 422, "transcript-unreadable", "line 2");
        assertThat(binary.body()).contains("Binary content");

        var empty = f.upload(f.meeting, new byte[0], f.secretariat);
        assertProblem(empty, 422, "transcript-unreadable", "line 1");

        byte[] large = new byte[5 * 1024 * 1024 + 10];
        java.util.Arrays.fill(large, (byte) 'a');
        assertProblem(f.upload(f.meeting, large, f.secretariat), 413, "transcript-too-large", "text");
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(f.upload(f.meeting, huge, f.secretariat).status()).isEqualTo(413);

        assertThat(api.get("/api/v1/meetings/" + f.meeting + "/transcript").body()).isEqualTo(before);
        assertThat(events.stream(SearchableChanged.class).filter(e -> e.kind().equals("turn")).count())
                .as("only the first import").isEqualTo(10);
    }

    @Test
    void readsWindows1252AndUtf16WithAByteOrderMark() {
        String text = "RUNDTISCH\n\nCaptioning, not an authoritative record.\n\n>> CHAIR: Bienvenue à la table ronde – "
                + "“merci”.\n>> CHILE: Señora Presidenta, gracias.\n";
        var cp1252 = f.upload(f.meeting, text.getBytes(Charset.forName("windows-1252")), f.secretariat);
        assertThat(cp1252.status()).as(cp1252.body()).isEqualTo(201);
        assertThat(cp1252.json().get("encoding").asString()).isEqualTo("windows-1252");
        var turns = api.get("/api/v1/meetings/" + f.meeting + "/transcript").json().get("turns");
        assertThat(turns.get(0).get("text").asString()).isEqualTo("Bienvenue à la table ronde – “merci”.");
        assertThat(turns.get(1).get("text").asString()).isEqualTo("Señora Presidenta, gracias.");

        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, utf16, 0, 2);
        System.arraycopy(body, 0, utf16, 2, body.length);
        var imported = f.upload(f.meeting, utf16, f.secretariat);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("encoding").asString()).isEqualTo("UTF-16LE");
        assertThat(api.get("/api/v1/meetings/" + f.meeting + "/transcript").json().get("turns").get(1).get("text")
                .asString()).isEqualTo("Señora Presidenta, gracias.");
    }

    @Test
    void linksRefuseUnknownPeopleAndOrganisations() {
        assertThat(f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat).status())
                .isEqualTo(201);
        var unknown = api.post("/api/v1/meetings/" + f.meeting + "/transcript/speakers",
                Map.of("label", "KENYA", "organizationId", "nosuchorganisat"), f.secretariat);
        assertProblem(unknown, 400, "invalid-input", "organizationId");
        var blank = api.post("/api/v1/meetings/" + f.meeting + "/transcript/speakers", Map.of("label", " "),
                f.secretariat);
        assertProblem(blank, 400, "invalid-input", "label");
    }
}
